package org.workforcepathways.directory.search;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public directory search: anyone may search, signed in or not. */
@RestController
@RequestMapping("/api/directory")
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	@GetMapping("/search")
	@Operation(summary = "Search training programs, support services, events and openings")
	SearchResults search(
			@Parameter(description = "What to look for, as typed; query syntax is treated as plain text") @RequestParam(
					name = "q", required = false) @Size(max = 500, message = "must be at most 500 characters") @Nullable String q,
			@Parameter(description = "How many results (1-50)") @RequestParam(name = "size", defaultValue = "10") @Min(
					value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most 50") int size,
			@Parameter(description = "Campaign code the visitor arrived with") @RequestParam(name = "campaign",
					required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
							message = "must be 1-40 letters, digits, '-' or '_'") @Nullable String campaign)
			throws IOException {
		return search.search(new SearchQuery(QueryText.normalize(q), size, campaign));
	}

}
