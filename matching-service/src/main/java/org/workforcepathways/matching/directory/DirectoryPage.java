package org.workforcepathways.matching.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of directory search results, with the fields matching needs. */
public record DirectoryPage(long total, List<Listing> results) {

	public DirectoryPage {
		results = results == null ? List.of() : List.copyOf(results);
	}

	public record Listing(String id, String kind, String title, String organization, @Nullable String city,
			@Nullable String zip, boolean free) {

	}

}
