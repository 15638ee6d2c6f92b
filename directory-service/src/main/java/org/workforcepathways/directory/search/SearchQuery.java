package org.workforcepathways.directory.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.directory.geo.ZipCentroids.Point;

/**
 * A validated search: normalized text (empty = browse), filters, an optional point with radius, sort, page size,
 * the cursor of the previous page and the campaign code if any.
 */
record SearchQuery(String text, @Nullable String kind, @Nullable String category, boolean freeOnly,
		List<String> schedule, @Nullable String language, @Nullable String credential, @Nullable String occupation,
		boolean openSeats, @Nullable LocalDate startsBefore, @Nullable Point point, @Nullable Double radiusMiles,
		Sort sort, int size, @Nullable String cursor, @Nullable String campaign) {

	enum Sort {

		RELEVANCE, DISTANCE, START

	}

	SearchQuery {
		schedule = schedule == null ? List.of() : List.copyOf(schedule);
	}

	boolean hasFilters() {
		return !filters().isEmpty();
	}

	/** The filters as they are reported in engagement events and in a relaxed answer. */
	Map<String, String> filters() {
		Map<String, String> f = new LinkedHashMap<>();
		if (kind != null) {
			f.put("kind", kind);
		}
		if (category != null) {
			f.put("category", category);
		}
		if (freeOnly) {
			f.put("cost", "free");
		}
		if (!schedule.isEmpty()) {
			f.put("schedule", String.join(",", schedule));
		}
		if (language != null) {
			f.put("language", language);
		}
		if (credential != null) {
			f.put("credential", credential);
		}
		if (occupation != null) {
			f.put("occupation", occupation);
		}
		if (openSeats) {
			f.put("openSeats", "true");
		}
		if (startsBefore != null) {
			f.put("startsBefore", startsBefore.toString());
		}
		if (radiusMiles != null) {
			f.put("radiusMiles", radiusMiles.toString());
		}
		return f;
	}

	SearchQuery withText(String other) {
		return new SearchQuery(other, kind, category, freeOnly, schedule, language, credential, occupation, openSeats,
				startsBefore, point, radiusMiles, sort, size, cursor, campaign);
	}

	SearchQuery withoutFilters() {
		return new SearchQuery(text, null, null, false, List.of(), null, null, null, false, null, point, null, sort, size,
				null, campaign);
	}

}
