package org.workforcepathways.metrics.counting;

import java.util.List;

/**
 * The names of the counters the topology keeps, and the dimensions of each, in key order after the day.
 */
public final class Metrics {

	/** code */
	public static final String SEARCH = "search";

	/** normalized query */
	public static final String ZERO_RESULT = "search.zero";

	/** code, kind */
	public static final String VIEW = "view";

	/** code, action (contact or apply), kind, listing */
	public static final String ACTION = "action";

	/** code */
	public static final String LANDING = "landing";

	/** stars, listing */
	public static final String RATING = "rating";

	/** listing */
	public static final String RATING_INCORRECT = "rating.incorrect";

	/** stage, code, heard from */
	public static final String INTAKE = "intake";

	/** listing, status; on the day the referral was first seen; moves with the referral */
	public static final String STATUS = "ref.status";

	/** Milestones: every referral is one applicant, then each status it reaches, and a job placement. */
	public static final String APPLIED = "applied";

	public static final String PLACED = "placed";

	public static final String EMPLOYED = "employed";

	public static final String NOT_EMPLOYED = "not_employed";

	public static final String NO_CONTACT = "no_contact";

	public static final List<Integer> RETENTION_DAYS = List.of(30, 90, 180, 365);

	private Metrics() {
	}

	/** listing, code, kind; {@link #by} adds listing, dimension, group instead */
	public static String referral(String milestone) {
		return "ref." + milestone;
	}

	/** listing, result; on the placement day (the cohort); {@link #by} adds dimension, group */
	public static String retention(int day) {
		return "ret." + day;
	}

	/** The same counter broken down by equity group. */
	public static String by(String metric) {
		return metric + ".by";
	}

	/** What referral and retention events say about a listing, for campaigns scoped by occupation. */
	public record ReferredListing(String kind, List<String> occupations) {

	}

}
