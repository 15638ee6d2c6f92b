package org.workforcepathways.matching.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of directory search results, with the fields matching needs. */
public record DirectoryPage(long total, List<Listing> results) {

	public DirectoryPage {
		results = results == null ? List.of() : List.copyOf(results);
	}

	/**
	 * A question of a program's eligibility screener, as the directory carries it.
	 *
	 * @param type min_age, max_age, residency_zip, income_max_percent_fpl, education, work_authorization,
	 *     drivers_license or prerequisite
	 */
	public record ScreenerQuestion(String id, String type, @Nullable Integer limit, @Nullable List<String> values,
			java.util.@Nullable Map<String, String> text) {

		public ScreenerQuestion {
			values = values == null ? List.of() : values;
			text = text == null ? java.util.Map.of() : text;
		}

	}

	/**
	 * One result: a listing at one location.
	 *
	 * @param id the result's id (a listing at a location); {@code serviceId} is the listing's own
	 */
	public record Listing(String id, @Nullable String serviceId, String kind, String title, String organization,
			@Nullable String organizationId, @Nullable String city, @Nullable String zip, @Nullable Double distanceMiles,
			boolean free, @Nullable BigDecimal cost, @Nullable LocalDate nextStart, @Nullable Integer seatsOpen,
			@Nullable List<String> schedule, @Nullable List<String> categories, @Nullable String credential,
			@Nullable List<String> languages, boolean paid, @Nullable List<String> supports,
			@Nullable List<String> occupations, @Nullable Integer durationWeeks, boolean justiceInvolvedWelcome,
			@Nullable List<ScreenerQuestion> screener) {

		public Listing {
			schedule = schedule == null ? List.of() : schedule;
			categories = categories == null ? List.of() : categories;
			languages = languages == null ? List.of() : languages;
			supports = supports == null ? List.of() : supports;
			occupations = occupations == null ? List.of() : occupations;
			screener = screener == null ? List.of() : screener;
		}

		/** The listing's own id, for referrals and detail pages. */
		public String listingId() {
			return serviceId != null ? serviceId : id;
		}

	}

}
