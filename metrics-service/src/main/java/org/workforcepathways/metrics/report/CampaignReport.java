package org.workforcepathways.metrics.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.metrics.campaign.Campaign;

/**
 * Everything city staff see about one campaign over one period. Every count of people goes through
 * {@link Suppression}; rates and shares are given only where the counts behind them are shown. Seats and
 * organizations are not people and are shown as they are.
 */
public record CampaignReport(Campaign campaign, Period period, Instant generatedAt, String suppression,
		Traffic traffic, Intakes intakes, Referrals referrals, Enrollment enrollment, Equity equity,
		Retention retention, Seats unfilledSeats, CareerEvents careerEvents, Ratings ratings, Survey survey,
		Channels channels) {

	/** Directory use over the period; by code for this campaign's codes. */
	public record Traffic(Table searches, Table listingViews, List<Rate> clickThroughRate, Table searchesByCode,
			Table landingsByCode, List<Query> zeroResultQueries, Figure zeroResultSearches) {

	}

	/** Listing views per search, per bucket. */
	public record Rate(String bucket, @Nullable Double value) {

	}

	/** A search that found nothing, listed only once at least as many people as the threshold made it. */
	public record Query(String query, long count) {

	}

	/**
	 * The directory's intake funnel over the period (every intake, not only the campaign's), with the starts that
	 * came with this campaign's codes.
	 *
	 * @param heardFrom answers to "how did you hear about us" on completed intakes
	 */
	public record Intakes(Table started, Table completed, Table startedByCode, Table heardFrom,
			@Nullable Double completionRate) {

	}

	/**
	 * Referrals to programs in scope, first seen in the period. Applicants are these referrals and the apply clicks
	 * on employers' openings in scope (given apart: a sum of the two would let one be worked out from the other).
	 */
	public record Referrals(Table byStatus, Table sent, Table byChannel, Figure applyClicks) {

	}

	/**
	 * Enrollments in programs in scope against the baseline, scaled to the period, and the target.
	 *
	 * @param forecast enrollments by the period's end at the pace so far
	 */
	public record Enrollment(Figure enrolled, @Nullable Long baselineForPeriod, @Nullable Long target,
			@Nullable Long forecast, @Nullable Boolean onTrack, Table trend, Table byProgram) {

	}

	/**
	 * Applicants and enrollees by group, shares against targets, and the four-fifths (80%) rule.
	 *
	 * @param applicants tables by dimension: sex, poc (people of color), age (16_24 is opportunity youth),
	 *     returning (returning citizens), race (overlapping: a person may give several)
	 */
	public record Equity(Map<String, Table> applicants, Map<String, Table> enrollees, List<ShareTarget> targets,
			List<SelectionRate> fourFifths) {

	}

	/** A share among those who answered, against its target. */
	public record ShareTarget(String stage, String group, @Nullable Double share, @Nullable BigDecimal target,
			@Nullable Boolean met) {

	}

	/**
	 * Enrollees per applicant of a group, and its ratio to the group with the highest rate; below 0.8 flags adverse
	 * impact (the four-fifths rule).
	 */
	public record SelectionRate(String dimension, String group, Figure applicants, Figure enrollees,
			@Nullable Double rate, @Nullable Double ratioToHighest, @Nullable Boolean belowFourFifths) {

	}

	/**
	 * Retention of placements at 30, 90, 180 and 365 days, for placements from a year before the period to its end
	 * (a year's check-in comes a year after placement). Counts are given by cohort (month placed); overall and for
	 * women ({@code sex:female}) and people of color ({@code poc:yes}) only rates, since counts across cohorts or groups
	 * would let a withheld cohort count be worked out.
	 */
	public record Retention(List<Checkpoint> overall, List<Cohort> cohorts, Map<String, List<Checkpoint>> byGroup) {

	}

	/**
	 * @param outcome employed, not_employed, no_contact, not_checked; adds up to the placements (cohorts only)
	 * @param rate employed among those reached; only where both counts behind it are 0 or at least the threshold
	 */
	public record Checkpoint(int day, @Nullable Table outcome, @Nullable Double rate, @Nullable BigDecimal target,
			@Nullable Boolean met) {

	}

	public record Cohort(String month, List<Checkpoint> checkpoints) {

	}

	/**
	 * Open seats in programs in scope, as providers last reported them.
	 *
	 * @param programsWithOpenSeats how many programs have open seats; {@code byProgram} lists the 50 with the most
	 */
	public record Seats(long open, long total, int programsWithOpenSeats, List<ProgramSeats> byProgram,
			Map<String, Long> byOccupation) {

	}

	public record ProgramSeats(String listingId, @Nullable String name, String organizationId, int open,
			@Nullable Integer total, @Nullable LocalDate nextStart, List<String> occupations) {

	}

	/** Career-exposure events (job shadows, plant tours, fairs) held in the period. */
	public record CareerEvents(long dates, long organizations, Table registeredByFormat, Table attendedByFormat) {

	}

	/** Ratings of listings' content; the average only when no star count is withheld. */
	public record Ratings(Table stars, @Nullable Double average, Figure reportedOutOfDate) {

	}

	/** The landscape survey's coverage of the region's organizations, against the targets. */
	public record Survey(long knownOrganizations, long surveyed, long responded, @Nullable Double surveyedShare,
			@Nullable Double respondedShare, @Nullable BigDecimal surveyedTarget, @Nullable BigDecimal respondedTarget) {

	}

	/** Each piece of the campaign and how many pieces ran each week, beside the landings that week. */
	public record Channels(List<Piece> pieces, List<Week> saturation, Table landingsPerWeek) {

	}

	public record Piece(String code, String channel, String name, @Nullable LocalDate liveFrom,
			@Nullable LocalDate liveTo, Figure landings, Figure applicants) {

	}

	public record Week(String week, int piecesLive) {

	}

}
