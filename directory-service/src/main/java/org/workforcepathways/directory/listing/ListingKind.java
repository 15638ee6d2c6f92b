package org.workforcepathways.directory.listing;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a listing is; all are HSDS services, told apart by kind. */
public enum ListingKind {

	TRAINING_PROGRAM, SUPPORT_SERVICE, CAREER_EVENT, JOB_OPENING;

	@JsonValue
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static ListingKind fromCode(String code) {
		return valueOf(code.toUpperCase(java.util.Locale.ROOT));
	}

}
