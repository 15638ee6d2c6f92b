package org.workforcepathways.matching.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.referral.ReferralChanged;
import org.workforcepathways.contracts.referral.RetentionChecked;
import org.workforcepathways.matching.MatchingProperties;
import org.workforcepathways.matching.audit.Actor;
import org.workforcepathways.matching.audit.AuditEntry.Action;
import org.workforcepathways.matching.audit.AuditEntry.Outcome;
import org.workforcepathways.matching.audit.AuditLog;
import org.workforcepathways.matching.client.Clients;
import org.workforcepathways.matching.directory.DirectoryClient.ListingDetail;
import org.workforcepathways.matching.directory.DirectoryLookup;
import org.workforcepathways.matching.intake.Demographics;
import org.workforcepathways.matching.intake.SavedIntakes;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * Referrals and their lifecycle. Every change is written with its history entry, its audit entry and its
 * {@code referral.lifecycle} event in one transaction (the event through the outbox). Only the referring side and the
 * receiving provider see a referral; anyone else gets a 404, so ids cannot be probed.
 */
@Service
public class Referrals {

	/** Days after a placement when the case manager checks the person is still employed. */
	public static final List<Integer> CHECK_IN_DAYS = List.of(30, 90, 180, 365);

	private static final String COLUMNS = "id, client_id, jobseeker_subject, referring_organization_id, listing_id, "
			+ "listing_kind, listing_title, provider_organization_id, occupations, status, reason, note, placed_on, "
			+ "created_at, updated_at, version, person_ref, campaign";

	private final JdbcClient jdbc;

	private final DirectoryLookup directory;

	private final Clients clients;

	private final SavedIntakes intakes;

	private final Outbox outbox;

	private final AuditLog audit;

	private final MatchingProperties properties;

	private final Clock clock;

	Referrals(JdbcClient jdbc, DirectoryLookup directory, Clients clients, SavedIntakes intakes, Outbox outbox,
			AuditLog audit, MatchingProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clients = clients;
		this.intakes = intakes;
		this.outbox = outbox;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** A referral row with what the service needs beside what callers see. */
	private record Row(Referral referral, @Nullable String jobseekerSubject, String personRef, List<String> occupations,
			@Nullable String campaign) {

	}

	/** A check-in that is due, for the case manager's follow-up list. */
	public record FollowUp(UUID referralId, @Nullable UUID clientId, String listingTitle, int day, LocalDate dueOn,
			boolean overdue) {

	}

	/**
	 * Refers a case manager's client ({@code clientId}) or the signed-in jobseeker to a listing.
	 */
	@Transactional
	public Referral send(Caller caller, String listingId, @Nullable UUID clientId, @Nullable String note) {
		SavedIntakes.Person person;
		String referringOrganization = null;
		if (caller.role().equals("case_manager")) {
			if (clientId == null) {
				throw new InvalidInputException("clientId", "is required: the client you refer");
			}
			referringOrganization = caller.organization();
			if (clients.find(clientId, referringOrganization).isEmpty()) {
				throw new InvalidInputException("clientId", "is not a client of your organization");
			}
			person = SavedIntakes.Person.client(clientId);
		}
		else if (caller.role().equals("jobseeker")) {
			if (clientId != null) {
				throw new InvalidInputException("clientId", "is for case managers; leave it out to refer yourself");
			}
			person = SavedIntakes.Person.jobseeker(caller.subject());
		}
		else {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN,
					Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Case managers and jobseekers send referrals."), null);
		}
		ListingDetail.Detail listing;
		try {
			listing = directory.listing(listingId).listing();
		}
		catch (org.springframework.web.client.HttpClientErrorException.NotFound ex) {
			throw new InvalidInputException("listingId", "is not a listing in the directory");
		}
		if (!"active".equals(listing.status())) {
			throw new InvalidInputException("listingId", "is not active in the directory");
		}
		UUID id = UUID.randomUUID();
		String personRef = personRef(person);
		String campaign = intakes.latestCampaign(person).orElse(null);
		jdbc.sql("insert into referral (id, person_ref, client_id, jobseeker_subject, referring_organization_id, listing_id, "
				+ "listing_kind, listing_title, provider_organization_id, occupations, status, note, campaign, created_by) "
				+ "values (:id, :ref, :client, :subject, :referring, :listing, :kind, :title, :provider, :occupations, "
				+ "'sent', :note, :campaign, :by)")
			.param("id", id)
			.param("ref", personRef)
			.param("client", clientId)
			.param("subject", person.subject())
			.param("referring", referringOrganization)
			.param("listing", listing.id())
			.param("kind", listing.kind())
			.param("title", listing.title())
			.param("provider", listing.organizationId())
			.param("occupations", listing.occupations().toArray(String[]::new))
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("campaign", campaign)
			.param("by", caller.subject())
			.update();
		history(id, null, ReferralStatus.SENT, null, caller);
		Row row = row(id).orElseThrow();
		publish(row, person);
		audit.record(actor(caller), Action.CREATE, "referral", id.toString(), Outcome.ALLOWED);
		return row.referral();
	}

	/** A referral the caller may see, with its history and check-ins. */
	public Optional<Referral> find(UUID id, Caller caller) {
		Optional<Row> row = row(id).filter(r -> sees(r, caller));
		audit.record(actor(caller), Action.READ, "referral", id.toString(),
				row.isPresent() ? Outcome.ALLOWED : Outcome.NOT_FOUND);
		return row.map(Row::referral);
	}

	/** The caller's referrals: sent by their organization (or themselves), or received by it. Newest change first. */
	public List<Referral> page(Caller caller, @Nullable ReferralStatus status, int page, int size) {
		String scope = switch (caller.role()) {
			case "provider" -> "provider_organization_id = :org";
			case "case_manager" -> "referring_organization_id = :org";
			case "jobseeker" -> "jobseeker_subject = :subject";
			default -> "false";
		};
		return jdbc.sql("select " + COLUMNS + " from referral where " + scope
				+ " and (:status = '' or status = :status) order by updated_at desc, id limit :size offset :offset")
			.param("org", caller.organization() == null ? "" : caller.organization())
			.param("subject", caller.subject())
			.param("status", status == null ? "" : status.code())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list()
			.stream()
			.map(r -> withDetails(r).referral())
			.toList();
	}

	/**
	 * Moves a referral to {@code to}, if the state machine allows it from where it is and the caller is the side that
	 * makes that move; else 409 (not allowed from here) or 403 (not your move).
	 */
	@Transactional
	public Referral move(UUID id, ReferralStatus to, @Nullable String reason, Caller caller) {
		Row row = locked(id, caller);
		ReferralStatus from = ReferralStatus.of(row.referral().status());
		if (to.byProvider() ? !isProvider(row, caller) : !isReferrer(row, caller)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.problem(HttpStatus.FORBIDDEN, "not-your-move",
					to.byProvider() ? "Only the receiving provider moves a referral to " + to.code() + "."
							: "Only the referring side withdraws a referral."), null);
		}
		if (!from.canMoveTo(to)) {
			var problem = Problems.problem(HttpStatus.CONFLICT, "invalid-transition",
					"A referral that is " + from.code() + " cannot become " + to.code() + ".");
			problem.setProperty("currentStatus", from.code());
			throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
		}
		if (to.needsReason() && reason == null) {
			throw new InvalidInputException("reason", "is required when a referral is " + to.code() + ": one of "
					+ String.join(", ", new java.util.TreeSet<>(ReferralStatus.REASONS)));
		}
		if (reason != null && !ReferralStatus.REASONS.contains(reason) && !reason.equals("person_withdrew")) {
			throw new InvalidInputException("reason", "must be one of " + String.join(", ",
					new java.util.TreeSet<>(ReferralStatus.REASONS)) + " or person_withdrew");
		}
		jdbc.sql("update referral set status = ?, reason = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(to.code(), reason, id)
			.update();
		history(id, from, to, reason, caller);
		Row after = row(id).orElseThrow();
		publish(after, personOf(after));
		audit.record(actor(caller), Action.UPDATE, "referral", id.toString(), Outcome.ALLOWED);
		return after.referral();
	}

	/** Records the job placement after a completed program; check-ins fall due 30, 90, 180 and 365 days later. */
	@Transactional
	public Referral place(UUID id, LocalDate placedOn, Caller caller) {
		Row row = locked(id, caller);
		if (!isReferrer(row, caller)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.problem(HttpStatus.FORBIDDEN, "not-your-move",
					"The referring side records a placement."), null);
		}
		if (!row.referral().status().equals("completed") && !row.referral().status().equals("enrolled")) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT,
					"invalid-transition", "A placement follows enrollment or completion; this referral is "
							+ row.referral().status() + "."), null);
		}
		if (placedOn.isAfter(LocalDate.now(clock)) || placedOn.isBefore(LocalDate.now(clock).minusYears(2))) {
			throw new InvalidInputException("placedOn", "must be a date in the last two years, not in the future");
		}
		if (row.referral().placedOn() != null) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, "placed",
					"The placement is recorded already (" + row.referral().placedOn() + ")."), null);
		}
		jdbc.sql("update referral set placed_on = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(placedOn, id)
			.update();
		for (int day : CHECK_IN_DAYS) {
			jdbc.sql("insert into check_in (referral_id, day, due_on) values (?, ?, ?)")
				.params(id, day, placedOn.plusDays(day))
				.update();
		}
		Row after = row(id).orElseThrow();
		publish(after, personOf(after));
		audit.record(actor(caller), Action.UPDATE, "referral", id.toString(), Outcome.ALLOWED);
		return after.referral();
	}

	/** Records a retention check-in that is due; publishes a retention event. */
	@Transactional
	public Referral checkIn(UUID id, int day, boolean employed, Caller caller) {
		Row row = locked(id, caller);
		if (!isReferrer(row, caller)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.problem(HttpStatus.FORBIDDEN, "not-your-move",
					"The referring side records check-ins."), null);
		}
		Referral.CheckIn due = row.referral()
			.checkIns()
			.stream()
			.filter(c -> c.day() == day)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("day", "has no check-in: record the placement first; days are "
					+ CHECK_IN_DAYS));
		if (due.recordedAt() != null) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, "recorded",
					"The " + day + "-day check-in is recorded already."), null);
		}
		if (due.dueOn().isAfter(LocalDate.now(clock))) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, "not-due",
					"The " + day + "-day check-in is due on " + due.dueOn() + "."), null);
		}
		jdbc.sql("update check_in set recorded_at = now(), employed = ?, recorded_by = ? where referral_id = ? and day = ?")
			.params(employed, caller.subject(), id, day)
			.update();
		Referral r = row.referral();
		Demographics d = intakes.latestDemographics(personOf(row)).orElse(null);
		outbox.add(Topics.REFERRAL_LIFECYCLE, id.toString(), CloudEvent.of(EventTypes.RETENTION_CHECKED,
				properties.source(), new RetentionChecked(id.toString(), row.personRef(), r.listingId(),
						r.providerOrganizationId(), day, employed, r.placedOn(), row.occupations(), coarse(d))));
		audit.record(actor(caller), Action.UPDATE, "referral", id.toString(), Outcome.ALLOWED);
		return row(id).orElseThrow().referral();
	}

	/** Check-ins due on or before {@code dueBy} that nobody recorded yet, for the caller's side. */
	public List<FollowUp> followUps(Caller caller, LocalDate dueBy) {
		String scope = caller.role().equals("jobseeker") ? "r.jobseeker_subject = :subject"
				: "r.referring_organization_id = :org";
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("select r.id, r.client_id, r.listing_title, k.day, k.due_on from check_in k "
				+ "join referral r on r.id = k.referral_id where " + scope
				+ " and k.recorded_at is null and k.due_on <= :due order by k.due_on, r.id limit 500")
			.param("subject", caller.subject())
			.param("org", caller.organization() == null ? "" : caller.organization())
			.param("due", dueBy)
			.query((rs, n) -> new FollowUp(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
					rs.getString("listing_title"), rs.getInt("day"), rs.getDate("due_on").toLocalDate(),
					rs.getDate("due_on").toLocalDate().isBefore(today)))
			.list();
	}

	private Row locked(UUID id, Caller caller) {
		jdbc.sql("select id from referral where id = :id for update").param("id", id).query(UUID.class).optional();
		return row(id).filter(r -> sees(r, caller))
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					Problems.problem(HttpStatus.NOT_FOUND, "not-found", "No referral with that id."), null));
	}

	private boolean sees(Row r, Caller caller) {
		return isProvider(r, caller) || isReferrer(r, caller);
	}

	private static boolean isProvider(Row r, Caller caller) {
		return caller.role().equals("provider")
				&& caller.organizations().contains(r.referral().providerOrganizationId());
	}

	private static boolean isReferrer(Row r, Caller caller) {
		return caller.role().equals("case_manager") && r.referral().referringOrganizationId() != null
				&& caller.organizations().contains(r.referral().referringOrganizationId())
				|| caller.role().equals("jobseeker") && caller.subject().equals(r.jobseekerSubject());
	}

	private void history(UUID id, @Nullable ReferralStatus from, ReferralStatus to, @Nullable String reason,
			Caller caller) {
		jdbc.sql("insert into referral_change (referral_id, from_status, to_status, reason, actor_subject, actor_role) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(id, from == null ? null : from.code(), to.code(), reason, caller.subject(), caller.role())
			.update();
	}

	private void publish(Row row, SavedIntakes.Person person) {
		Referral r = row.referral();
		Demographics d = intakes.latestDemographics(person).orElse(null);
		outbox.add(Topics.REFERRAL_LIFECYCLE, r.id().toString(),
				CloudEvent.of(EventTypes.REFERRAL_CHANGED, properties.source(),
						new ReferralChanged(r.id().toString(), row.personRef(), r.listingId(), r.listingKind(),
								r.providerOrganizationId(), r.referringOrganizationId(), r.status(), r.reason(),
								r.version(), row.occupations(), coarse(d), row.campaign(), r.placedOn())));
	}

	private static ReferralChanged.@Nullable Demographics coarse(@Nullable Demographics d) {
		return d == null || !d.consent() ? null
				: new ReferralChanged.Demographics(d.sex(), d.raceEthnicity(), d.ageBand(), d.veteran(), d.disability());
	}

	private static SavedIntakes.Person personOf(Row row) {
		return row.referral().clientId() != null ? SavedIntakes.Person.client(row.referral().clientId())
				: new SavedIntakes.Person(row.jobseekerSubject(), null);
	}

	/** The person's pseudonym: an HMAC of their id with the deployment's key, so it cannot be traced back. */
	String personRef(SavedIntakes.Person person) {
		String id = person.clientId() != null ? "client:" + person.clientId() : "jobseeker:" + person.subject();
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(properties.personRefKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)), 12));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Optional<Row> row(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from referral where id = :id")
			.param("id", id)
			.query(this::map)
			.optional()
			.map(this::withDetails);
	}

	private Row map(ResultSet rs, int n) throws SQLException {
		java.sql.Date placed = rs.getDate("placed_on");
		Referral r = new Referral(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
				rs.getString("referring_organization_id"), rs.getString("listing_id"), rs.getString("listing_kind"),
				rs.getString("listing_title"), rs.getString("provider_organization_id"), rs.getString("status"),
				rs.getString("reason"), rs.getString("note"), placed == null ? null : placed.toLocalDate(),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
				List.of(), List.of());
		return new Row(r, rs.getString("jobseeker_subject"), rs.getString("person_ref"),
				List.of((String[]) rs.getArray("occupations").getArray()), rs.getString("campaign"));
	}

	private Row withDetails(Row row) {
		Referral r = row.referral();
		List<Referral.Change> history = jdbc.sql("select from_status, to_status, reason, actor_role, changed_at "
				+ "from referral_change where referral_id = :id order by id")
			.param("id", r.id())
			.query((rs, n) -> new Referral.Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		List<Referral.CheckIn> checkIns = jdbc.sql("select day, due_on, recorded_at, employed from check_in "
				+ "where referral_id = :id order by day")
			.param("id", r.id())
			.query((rs, n) -> new Referral.CheckIn(rs.getInt(1), rs.getDate(2).toLocalDate(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getObject(4, Boolean.class)))
			.list();
		return new Row(new Referral(r.id(), r.clientId(), r.referringOrganizationId(), r.listingId(), r.listingKind(),
				r.listingTitle(), r.providerOrganizationId(), r.status(), r.reason(), r.note(), r.placedOn(), r.createdAt(),
				r.updatedAt(), r.version(), history, checkIns), row.jobseekerSubject(), row.personRef(), row.occupations(),
				row.campaign());
	}

	private static Actor actor(Caller caller) {
		return new Actor(caller.subject(), caller.role(), caller.organization());
	}

}
