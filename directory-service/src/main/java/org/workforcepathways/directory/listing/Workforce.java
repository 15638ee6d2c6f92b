package org.workforcepathways.directory.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The workforce extension of a listing, kept apart from the HSDS fields: what people choose a program by.
 *
 * @param schedule pattern: day, evening, weekend, online, in_person, hybrid
 * @param occupations related O*NET-SOC codes
 * @param paid apprenticeships and openings that pay while you learn
 * @param supports offered with it: childcare, transit, stipend, tools, ...
 */
public record Workforce(boolean free, BigDecimal cost, List<String> schedule, @Nullable String credential,
		List<String> occupations, @Nullable LocalDate nextStart, @Nullable Integer durationWeeks,
		@Nullable Integer seatsTotal, @Nullable Integer seatsOpen, boolean paid, List<String> supports,
		Eligibility eligibility) {

	public static final Workforce NONE = new Workforce(false, null, null, null, null, null, null, null, null, false, null,
			null);

	public Workforce {
		// one scale, so 2450 and 2450.00 are the same cost
		cost = (cost == null ? BigDecimal.ZERO : cost).setScale(2, RoundingMode.HALF_UP);
		schedule = Listing.copy(schedule);
		occupations = Listing.copy(occupations);
		supports = Listing.copy(supports);
		eligibility = eligibility == null ? Eligibility.NONE : eligibility;
	}

	/**
	 * Eligibility a screener can check, beside the listing's free-text description.
	 *
	 * @param residency where applicants must live, e.g. {@code cook_county_il}, {@code lake_county_in}, {@code illinois}
	 * @param incomeMaxPercent household income at or below this percent of {@code incomeMeasure}
	 * @param incomeMeasure {@code poverty_line} or {@code area_median}
	 * @param justiceInvolvedWelcome people with a record are explicitly welcome
	 */
	public record Eligibility(@Nullable Integer minAge, @Nullable Integer maxAge, List<String> residency,
			@Nullable Integer incomeMaxPercent, @Nullable String incomeMeasure, boolean justiceInvolvedWelcome) {

		public static final Eligibility NONE = new Eligibility(null, null, null, null, null, false);

		public Eligibility {
			residency = Listing.copy(residency);
		}

	}

}
