package org.workforcepathways.directory.engagement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.platform.InvalidInputException;

/**
 * The pseudonymous session a browser sends in {@value #HEADER} (a random id the web app keeps for the tab's
 * session). Events carry only a hash of it, so not even the value the browser holds appears in Kafka.
 */
public final class SessionId {

	public static final String HEADER = "WRD-Session";

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private SessionId() {
	}

	/** The pseudonym for an event, or null without a header; a malformed header is a 400 naming it. */
	public static @Nullable String of(@Nullable String header) {
		if (header == null || header.isEmpty()) {
			return null;
		}
		if (!SHAPE.matcher(header).matches()) {
			throw new InvalidInputException(HEADER, "must be 8-64 letters, digits or '-'");
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
