package org.workforcepathways.directory.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * @param total how many listings matched
 * @param results the best matches first
 * @param facets counts per value of each filter, over the matches
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 * @param didYouMean a spelling the directory knows, when the query found little
 * @param showingResultsFor when the query as typed found little and its corrected spelling found more: the results
 *     are for this text (page on with it as {@code q})
 * @param relaxed when nothing matched the filters: these results ignore the filters listed in {@code droppedFilters}
 * @param droppedFilters the filters a relaxed answer left out
 */
public record SearchResults(long total, List<Result> results, Map<String, Map<String, Long>> facets,
		@Nullable String nextCursor, @Nullable String didYouMean, @Nullable String showingResultsFor, boolean relaxed,
		Map<String, String> droppedFilters) {

	boolean firstMatchesAllWords() {
		return !results.isEmpty() && results.get(0).matchesAllWords();
	}

	SearchResults correctedTo(String text) {
		return new SearchResults(total, results, facets, nextCursor, text, text, relaxed, droppedFilters);
	}

	/**
	 * One match: a listing at one location, with enough to show a result line.
	 *
	 * @param id the service_at_location id (the listing id for a listing without locations); opens the listing
	 * @param serviceId the listing's own id
	 * @param matchesAllWords false when it matches only some of the words typed (or their synonyms): a page whose
	 *     first result does not match all of them found nothing that does
	 * @param paid pays while you learn (apprenticeships, paid training)
	 * @param supports what comes with it: childcare, transit, stipend, tools, ...
	 * @param minAge the youngest age it accepts, when it says
	 * @param screener the program's eligibility screener questions, when its provider attached one
	 */
	public record Result(String id, String serviceId, String kind, String title, String organization,
			@Nullable String locationName, @Nullable String address, @Nullable String city, @Nullable String zip, @Nullable Double distanceMiles, boolean matchesAllWords, boolean free, BigDecimal cost,
			@Nullable LocalDate nextStart, @Nullable Integer seatsOpen, List<String> schedule, List<String> categories,
			@Nullable String credential, boolean sample, Map<String, List<String>> highlights, String organizationId,
			List<String> languages, boolean paid, List<String> supports, List<String> occupations,
			@Nullable Integer durationWeeks, @Nullable Integer minAge, boolean justiceInvolvedWelcome,
			@Nullable List<org.workforcepathways.directory.screener.Screener.Question> screener) {

	}

}
