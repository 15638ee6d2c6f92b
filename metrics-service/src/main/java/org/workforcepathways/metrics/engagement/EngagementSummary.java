package org.workforcepathways.metrics.engagement;

import java.util.List;

/**
 * Directory searches counted, in total and per day (the region's calendar).
 */
public record EngagementSummary(long totalSearches, List<Day> days) {

	public record Day(String day, long searches) {

	}

}
