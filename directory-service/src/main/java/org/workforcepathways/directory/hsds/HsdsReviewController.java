package org.workforcepathways.directory.hsds;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.Problems;

/** The queue of possible duplicates an import found, for an admin to decide. */
@RestController
class HsdsReviewController {

	private final HsdsReviews reviews;

	HsdsReviewController(HsdsReviews reviews) {
		this.reviews = reviews;
	}

	record Decision(@NotNull(message = "is required: merge or separate") @Pattern(regexp = "merge|separate",
			message = "must be merge or separate") String decision) {

	}

	@GetMapping("/api/directory/hsds/reviews")
	@Operation(summary = "Possible duplicates waiting for an admin, or decided ones (admin)")
	List<HsdsReviews.Item> list(@RequestParam(name = "status", defaultValue = "pending")
			@Pattern(regexp = "pending|merged|separate", message = "must be pending, merged or separate") String status) {
		return reviews.list(status);
	}

	@PostMapping("/api/directory/hsds/reviews/{id}")
	@Operation(summary = "Merge a record into the one it looks like, or keep it separate; it is imported then (admin)")
	HsdsImportRuns.Line decide(@PathVariable("id") long id, @Valid @RequestBody Decision decision,
			@AuthenticationPrincipal Jwt jwt) {
		return reviews.decide(id, decision.decision().equals("merge"), Caller.of(jwt))
			.orElseThrow(() -> Problems.notFound("No waiting review with that id."));
	}

}
