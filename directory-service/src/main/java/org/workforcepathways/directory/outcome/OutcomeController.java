package org.workforcepathways.directory.outcome;

import java.io.IOException;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;

import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;

/** Program outcomes: one program's figures (its provider or an admin), or many from a CSV (admin). */
@RestController
class OutcomeController {

	private static final String ID = "[A-Za-z0-9_.:-]{1,100}";

	private final ProgramOutcomes outcomes;

	private final ListingRepository listings;

	OutcomeController(ProgramOutcomes outcomes, ListingRepository listings) {
		this.outcomes = outcomes;
		this.listings = listings;
	}

	/** A program's figures as shown: none at all for a cohort under 10. */
	record Shown(String serviceId, boolean suppressed, ProgramOutcome outcome) {

	}

	@GetMapping("/api/directory/services/{id}/outcomes")
	@Operation(summary = "A program's outcomes and their source; figures from cohorts under 10 are not shown (anyone)")
	Shown get(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id) {
		ProgramOutcome o = outcomes.find(List.of(id)).get(id);
		if (o == null) {
			throw Problems.notFound("No outcomes reported for that listing.");
		}
		return shown(o);
	}

	@PutMapping("/api/directory/services/{id}/outcomes")
	@Operation(summary = "Report a program's outcomes (its provider, or an admin)")
	Shown put(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id,
			@RequestBody ProgramOutcome body, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		listings.findById(id)
			.filter(l -> caller.actsFor(l.organizationId()))
			.orElseThrow(() -> Problems.notFound("No listing with that id."));
		ProgramOutcome o = new ProgramOutcome(id, body.completionRate(), body.employedQ2(), body.employedQ4(),
				body.medianEarnings(), body.credentialRate(), body.cohortSize(), body.periodStart(), body.periodEnd(),
				body.source(), body.sourceUrl());
		var problems = outcomes.problems(o);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		outcomes.save(o);
		return shown(o);
	}

	@PostMapping(path = "/api/directory/outcomes")
	@Operation(summary = "Import outcomes from a CSV with the documented header (docs/outcomes.md); a report per row (admin)")
	List<ProgramOutcomes.Row> importCsv(HttpServletRequest request) throws IOException {
		String type = request.getContentType();
		if (type == null || !type.startsWith("text/csv")) {
			throw new InvalidInputException("Content-Type", "must be text/csv");
		}
		try {
			return outcomes.importCsv(request.getInputStream());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("body", ex.getMessage());
		}
	}

	static Shown shown(ProgramOutcome o) {
		return o.shown() ? new Shown(o.serviceId(), false, o)
				: new Shown(o.serviceId(), true, new ProgramOutcome(o.serviceId(), null, null, null, null, null, null,
						o.periodStart(), o.periodEnd(), o.source(), o.sourceUrl()));
	}

}
