package org.workforcepathways.directory.listing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A program, support service, career event or job opening as the directory stores it.
 *
 * @param sample true for the clearly labelled demo data
 */
public record Listing(String id, ListingKind kind, String title, String organization, String description,
		List<String> categories, @Nullable String city, @Nullable String zip, @Nullable Double latitude,
		@Nullable Double longitude, List<String> languages, boolean free, boolean sample, @Nullable Instant updatedAt) {

	public Listing {
		categories = categories == null ? List.of() : List.copyOf(categories);
		languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
	}

}
