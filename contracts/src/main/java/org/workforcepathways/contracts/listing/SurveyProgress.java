package org.workforcepathways.contracts.listing;

/**
 * The landscape survey's coverage after a change: organizations the directory knows, how many were invited
 * (surveyed) and how many answered. A snapshot: the latest one wins. Keyed {@code survey}.
 */
public record SurveyProgress(long knownOrganizations, long surveyed, long responded) {

	public static final String KEY = "survey";

}
