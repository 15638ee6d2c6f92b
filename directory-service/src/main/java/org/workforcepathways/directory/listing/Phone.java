package org.workforcepathways.directory.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A number to call or text about a listing (HSDS {@code phone}). */
public record Phone(String number, String type, @Nullable String description, List<String> languages) {

	public Phone {
		type = type == null ? "voice" : type;
		languages = languages == null ? List.of() : List.copyOf(languages);
	}

}
