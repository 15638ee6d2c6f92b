package org.workforcepathways.directory.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * @param total how many listings matched
 * @param results the best matches first
 */
public record SearchResults(long total, List<Result> results) {

	/** One match: enough to show a result line, and the id to open the listing. */
	public record Result(String id, String kind, String title, String organization, @Nullable String city,
			@Nullable String zip, boolean free, List<String> categories, boolean sample,
			Map<String, List<String>> highlights) {

	}

}
