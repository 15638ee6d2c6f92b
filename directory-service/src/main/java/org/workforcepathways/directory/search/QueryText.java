package org.workforcepathways.directory.search;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What people type, made safe to search and to count: no control characters, single spaces, lower case. */
final class QueryText {

	private QueryText() {
	}

	static String normalize(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		return raw.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
	}

}
