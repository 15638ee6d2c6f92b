package org.workforcepathways.matching.directory;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * directory-service's public API, as matching reads it. Base URL and timeouts are configuration
 * ({@code spring.http.serviceclient.directory.*}); only the fields matching uses are declared, the rest are ignored.
 * Matching keeps no copy: every answer is read live, so a change in the directory shows in the next match.
 */
@HttpExchange("/api/directory")
public interface DirectoryClient {

	@GetExchange("/search")
	DirectoryPage search(@RequestParam("q") String query, @RequestParam("size") int size);

	/**
	 * Listings near a ZIP, filtered.
	 *
	 * @param kind training_program, support_service, career_event or job_opening; all when absent
	 * @param category one taxonomy term
	 */
	@GetExchange("/search")
	DirectoryPage near(@RequestParam(name = "kind", required = false) @Nullable String kind,
			@RequestParam("category") String category, @RequestParam("zip") String zip,
			@RequestParam("radiusMiles") int radiusMiles, @RequestParam("size") int size);

	@GetExchange("/services/{id}")
	ListingDetail listing(@PathVariable("id") String id);

	@org.springframework.web.service.annotation.PostExchange("/services/{id}/screener/check")
	ScreenerResult checkScreener(@PathVariable("id") String id,
			@org.springframework.web.bind.annotation.RequestBody Map<String, Map<String, String>> answers);

	/** What the program's screener made of the answers. */
	record ScreenerResult(String result, List<String> reasons, List<String> unanswered) {

		public ScreenerResult {
			reasons = reasons == null ? List.of() : reasons;
			unanswered = unanswered == null ? List.of() : unanswered;
		}

	}

	/** A listing in full, with what a referral needs. */
	record ListingDetail(Detail listing) {

		public record Detail(String id, String kind, String title, String organizationId, String status,
				@Nullable Workforce workforce) {

			public List<String> occupations() {
				return workforce == null || workforce.occupations() == null ? List.of() : workforce.occupations();
			}

		}

		public record Workforce(@Nullable List<String> occupations) {

		}

	}

}
