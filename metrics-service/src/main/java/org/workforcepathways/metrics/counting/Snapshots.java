package org.workforcepathways.metrics.counting;

import java.time.Instant;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.contracts.listing.EventAttendance;
import org.workforcepathways.contracts.listing.ListingChanged;
import org.workforcepathways.contracts.listing.SurveyProgress;

/**
 * The latest known state of things that are not counters: a listing (seats, name, occupations), one date of a
 * career-exposure event, the survey's coverage. Stored as JSON in the topology's key-value stores.
 */
public final class Snapshots {

	static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private Snapshots() {
	}

	/** A listing as of its highest version seen. */
	public record Listing(ListingChanged data) {

	}

	/** One date of a career-exposure event, as last recorded. */
	public record Attendance(Instant recordedAt, EventAttendance data) {

	}

	/** The survey's coverage, as last reported. */
	public record Survey(Instant reportedAt, SurveyProgress data) {

	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	public static <T> T read(String json, Class<T> type) {
		return json == null ? null : JSON.readValue(json, type);
	}

}
