package org.workforcepathways.directory.attendance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.listing.EventAttendance;
import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingKind;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * Attendance of career-exposure events, kept by each event's provider (or an admin). Every recording leaves as an
 * {@code event-attendance} event through the outbox, in the same transaction as the row.
 */
@Service
public class EventAttendances {

	private static final String COLUMNS = "service_id, event_on, format, registered, attended, recorded_at";

	private final JdbcClient jdbc;

	private final ListingRepository listings;

	private final Outbox outbox;

	private final String source;

	EventAttendances(JdbcClient jdbc, ListingRepository listings, Outbox outbox, DirectoryProperties properties) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.outbox = outbox;
		this.source = properties.source();
	}

	/** Records (or corrects) the counts of one event date; the listing must be a career event the caller acts for. */
	@Transactional
	public Attendance record(String serviceId, AttendanceInput in, Caller caller) {
		Listing listing = owned(serviceId, caller);
		if (listing.kind() != ListingKind.CAREER_EVENT) {
			throw new InvalidInputException("kind", "must be career_event: attendance is kept for career events only");
		}
		Attendance saved = jdbc.sql("insert into event_attendance (service_id, event_on, format, registered, attended, "
				+ "recorded_by) values (:id, :on, :format, :registered, :attended, :by) "
				+ "on conflict (service_id, event_on) do update set format = excluded.format, "
				+ "registered = excluded.registered, attended = excluded.attended, recorded_by = excluded.recorded_by, "
				+ "recorded_at = now() returning " + COLUMNS)
			.param("id", serviceId)
			.param("on", in.eventOn())
			.param("format", in.format())
			.param("registered", in.registered())
			.param("attended", in.attended())
			.param("by", caller.subject())
			.query(EventAttendances::row)
			.single();
		outbox.add(Topics.LISTING_CHANGES, serviceId,
				CloudEvent.of(EventTypes.EVENT_ATTENDANCE, source, new EventAttendance(serviceId,
						listing.organizationId(), saved.eventOn(), saved.format(), saved.registered(), saved.attended())));
		return saved;
	}

	/** Every recorded date of a listing, newest first. */
	public List<Attendance> of(String serviceId, Caller caller) {
		owned(serviceId, caller);
		return jdbc.sql("select " + COLUMNS + " from event_attendance where service_id = :id order by event_on desc")
			.param("id", serviceId)
			.query(EventAttendances::row)
			.list();
	}

	/** The listing, if it exists (404) and the caller acts for its organization (403). */
	private Listing owned(String serviceId, Caller caller) {
		Listing listing = listings.findById(serviceId).orElseThrow(() -> Problems.notFound("No listing with that id."));
		// listings are public, so saying "not yours" reveals nothing a search would not
		if (!caller.actsFor(listing.organizationId())) {
			throw Problems.error(HttpStatus.FORBIDDEN, "forbidden",
					"Only the listing's own organization, or an admin, may keep its attendance.");
		}
		return listing;
	}

	private static Attendance row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Attendance(rs.getString("service_id"), rs.getDate("event_on").toLocalDate(), rs.getString("format"),
				rs.getInt("registered"), rs.getInt("attended"), rs.getTimestamp("recorded_at").toInstant());
	}

}
