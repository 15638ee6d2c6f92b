package org.workforcepathways.directory.taxonomy;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The categories listings may carry, with English and Spanish names (public). */
@RestController
class TaxonomyController {

	private final Taxonomy taxonomy;

	TaxonomyController(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@GetMapping("/api/directory/taxonomy")
	@Operation(summary = "The taxonomy: every category code with its parent and its English and Spanish names")
	List<Taxonomy.Term> terms() {
		return taxonomy.all();
	}

}
