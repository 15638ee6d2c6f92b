package org.workforcepathways.directory.listing;

import org.jspecify.annotations.Nullable;

/** An organization that offers listings (HSDS {@code organization}). */
public record Organization(String id, String name, String description, @Nullable String website,
		@Nullable String email, boolean sample) {

	public Organization {
		description = description == null ? "" : description;
	}

}
