package org.workforcepathways.matching.pathway;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The region's career pathways as data (anyone). */
@RestController
class PathwayController {

	private final Pathways pathways;

	PathwayController(Pathways pathways) {
		this.pathways = pathways;
	}

	@GetMapping("/api/matching/pathways")
	@Operation(summary = "Career pathways: ordered steps (CTDL-style components) and the O*NET occupations they lead to")
	List<Pathway> all() {
		return pathways.all();
	}

}
