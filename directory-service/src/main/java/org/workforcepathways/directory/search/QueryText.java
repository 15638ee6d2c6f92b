package org.workforcepathways.directory.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What people type, made safe to search and to count: no control characters, single spaces, lower case. */
final class QueryText {

	// "daycare near 60617", "esl cerca de 60617", "welding 46320"
	private static final Pattern ZIP = Pattern.compile("(?:\\b(?:near|in|around|by|cerca de|en)\\s+)?\\b(\\d{5})\\b");

	private QueryText() {
	}

	/** A ZIP code typed into the text, and the text without it. */
	record ZipMention(String zip, String rest) {

	}

	static Optional<ZipMention> zipIn(String normalized) {
		Matcher m = ZIP.matcher(normalized);
		if (!m.find()) {
			return Optional.empty();
		}
		String rest = (normalized.substring(0, m.start()) + " " + normalized.substring(m.end())).replaceAll("\\s+", " ")
			.strip();
		return Optional.of(new ZipMention(m.group(1), rest));
	}

	static String normalize(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		return raw.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
	}

}
