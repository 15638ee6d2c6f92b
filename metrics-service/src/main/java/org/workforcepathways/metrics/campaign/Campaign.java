package org.workforcepathways.metrics.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A campaign of the partnership: its period, what is in scope (occupations and programs; both empty means every
 * training program) and its targets, with the pieces that bring people in, each with its own code.
 */
public record Campaign(UUID id, String name, LocalDate startsOn, LocalDate endsOn, List<String> occupations,
		List<String> programs, Targets targets, List<Component> components, Instant updatedAt) {

	public Campaign {
		occupations = List.copyOf(occupations);
		programs = List.copyOf(programs);
		components = List.copyOf(components);
	}

	public long days() {
		return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
	}

	/**
	 * What the campaign aims for. Shares are fractions (0.25 is 25%).
	 *
	 * @param baselineEnrollment enrollments in scope during the reference period, before the campaign
	 * @param enrollmentIncreasePercent the target increase over the baseline, scaled to the campaign's length
	 * @param womenShare target share of women among applicants and enrollees
	 * @param peopleOfColorShare target share of people of color among applicants and enrollees
	 * @param surveyedShare organizations surveyed (the partnership's 90%)
	 * @param respondedShare organizations responding (60%)
	 */
	public record Targets(@Nullable Integer baselineEnrollment, @Nullable LocalDate baselineFrom,
			@Nullable LocalDate baselineTo, @Nullable BigDecimal enrollmentIncreasePercent,
			@Nullable BigDecimal womenShare, @Nullable BigDecimal peopleOfColorShare,
			@Nullable BigDecimal retention90, @Nullable BigDecimal retention365, @Nullable BigDecimal surveyedShare,
			@Nullable BigDecimal respondedShare) {

		public static final Targets NONE = new Targets(null, null, null, null, null, null, null, null, null, null);

	}

	/**
	 * One piece of the campaign and the code that tells its traffic apart.
	 *
	 * @param channel billboard, transit, newspaper, social, podcast, newsletter, radio, flyer, event or other
	 * @param liveFrom the first day it runs, for saturation (pieces live per week)
	 */
	public record Component(String code, String channel, String name, @Nullable LocalDate liveFrom,
			@Nullable LocalDate liveTo) {

		public boolean liveOn(LocalDate day) {
			return (liveFrom == null || !day.isBefore(liveFrom)) && (liveTo == null || !day.isAfter(liveTo));
		}

	}

}
