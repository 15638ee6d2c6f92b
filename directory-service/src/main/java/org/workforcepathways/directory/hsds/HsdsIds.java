package org.workforcepathways.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HSDS ids are UUIDs. An id that is one is kept (imported records keep their HSDS id); any other id, such as the
 * directory's own {@code demo-weld-001}, gets a name-based UUID, the same one the database computes in
 * {@code wrd_hsds_id} (migration V6), so the HSDS API finds a record by either.
 */
public final class HsdsIds {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private HsdsIds() {
	}

	/** @param kind the HSDS object: service, organization, location, service_at_location, phone, ... */
	public static String of(String kind, String id) {
		if (isUuid(id)) {
			return id.toLowerCase(java.util.Locale.ROOT);
		}
		return UUID.nameUUIDFromBytes(("wrd:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

	public static boolean isUuid(String text) {
		return text != null && UUID_TEXT.matcher(text).matches();
	}

}
