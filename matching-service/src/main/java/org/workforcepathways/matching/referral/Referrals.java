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
			+ "created_at, updated_at, version, person_ref, campaign, outcome, screener::text as screener, deadline_at, "
			+ "responded_at";

	/** Outcomes a referral can end with, apart from its status. */
	public static final java.util.Set<String> OUTCOMES = java.util.Set.of("got_help", "could_not_contact", "not_eligible",
			"no_capacity", "no_longer_interested", "other");

	private final JdbcClient jdbc;

	private final DirectoryLookup directory;

	private final Clients clients;

	private final SavedIntakes intakes;

	private final Outbox outbox;

	private final AuditLog audit;

	private final MatchingProperties properties;

	private final Clock clock;

	private final org.workforcepathways.matching.consent.Consents consents;

	private final ResponseDeadlines deadlines;

	private final tools.jackson.databind.json.JsonMapper json;

	Referrals(JdbcClient jdbc, DirectoryLookup directory, Clients clients, SavedIntakes intakes, Outbox outbox,
			AuditLog audit, MatchingProperties properties, Clock clock,
			org.workforcepathways.matching.consent.Consents consents, ResponseDeadlines deadlines,
			tools.jackson.databind.json.JsonMapper json) {
		this.consents = consents;
		this.deadlines = deadlines;
		this.json = json;
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
	public Referral send(Caller caller, String listingId, @Nullable UUID clientId, @Nullable String note,
			java.util.@Nullable Map<String, String> screenerAnswers, boolean shareWithProvider) {
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
		Referral.ScreenerAnswers screener = screenerAnswers == null ? null : screen(listing.id(), screenerAnswers);
		if (shareWithProvider && !consents.allows(person, "referral_sharing", listing.organizationId())) {
			consents.give(person, "referral_sharing", listing.organizationId(), caller.subject());
		}
		jdbc.sql("insert into referral (id, person_ref, client_id, jobseeker_subject, referring_organization_id, listing_id, "
				+ "listing_kind, listing_title, provider_organization_id, occupations, status, note, campaign, created_by, "
				+ "screener, deadline_at) "
				+ "values (:id, :ref, :client, :subject, :referring, :listing, :kind, :title, :provider, :occupations, "
				+ "'sent', :note, :campaign, :by, cast(:screener as jsonb), :deadline)")
			.param("screener", screener == null ? null : json.writeValueAsString(screener))
			.param("deadline", java.sql.Timestamp.from(deadlines.deadline(listing.organizationId(), java.time.Instant.now(clock))))
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
		return visible(row, caller);
	}

	/**
	 * The program's screener applied to the answers, by the directory. Never blocks the referral: if the directory
	 * cannot check now, the answers travel with "check with the provider".
	 */
	private Referral.ScreenerAnswers screen(String listingId, java.util.Map<String, String> answers) {
		try {
			var result = directory.checkScreener(listingId, answers);
			return new Referral.ScreenerAnswers(answers, result.result(), result.reasons(), result.unanswered());
		}
		catch (org.springframework.web.client.HttpClientErrorException.NotFound ex) {
			throw new InvalidInputException("screener", "this program has no screener; leave the answers out");
		}
		catch (org.springframework.web.client.HttpClientErrorException.BadRequest ex) {
			throw new InvalidInputException("screener", "answers do not fit the program's screener: "
					+ ex.getResponseBodyAsString().replaceAll(".*\"field\":\"([^\"]+)\".*", "$1"));
		}
		catch (org.springframework.web.client.RestClientException ex) {
			return new Referral.ScreenerAnswers(answers, "check_with_provider",
					List.of("the screener could not be checked just now"), List.of());
		}
	}

	/** Records what happened, apart from where the referral is; either side may. */
	@Transactional
	public Referral outcome(UUID id, String outcome, Caller caller) {
		Row row = locked(id, caller);
		if (!OUTCOMES.contains(outcome)) {
			throw new InvalidInputException("outcome", "must be one of " + String.join(", ", new java.util.TreeSet<>(OUTCOMES)));
		}
		jdbc.sql("update referral set outcome = ?, outcome_at = now(), updated_at = now(), version = version + 1 where id = ?")
			.params(outcome, id)
			.update();
		Row after = row(id).orElseThrow();
		publish(after, personOf(after));
		audit.record(actor(caller), Action.UPDATE, "referral", id.toString(), Outcome.ALLOWED);
		return visible(after, caller);
	}

	/** Referrals past their provider's deadline without an answer, on the caller's side. */
	public List<Referral> overdue(Caller caller) {
		String scope = switch (caller.role()) {
			case "provider" -> "provider_organization_id = any(:orgs)";
			case "case_manager" -> "referring_organization_id = any(:orgs)";
			case "jobseeker" -> "jobseeker_subject = :subject";
			default -> "false";
		};
		return jdbc.sql("select " + COLUMNS + " from referral where " + scope
				+ " and status = 'sent' and deadline_at < now() order by deadline_at, id limit 500")
			.param("orgs", caller.organizations().toArray(String[]::new))
			.param("subject", caller.subject())
			.query(this::map)
			.list()
			.stream()
			.map(r -> visible(withDetails(r), caller))
			.toList();
	}

	/** A referral the caller may see, with its history and check-ins. */
	public Optional<Referral> find(UUID id, Caller caller) {
		Optional<Row> row = row(id).filter(r -> sees(r, caller));
		audit.record(actor(caller), Action.READ, "referral", id.toString(),
				row.isPresent() ? Outcome.ALLOWED : Outcome.NOT_FOUND);
		return row.map(r -> visible(r, caller));
	}

	/** The caller's referrals: sent by their organization (or themselves), or received by it. Newest change first. */
	public List<Referral> page(Caller caller, @Nullable ReferralStatus status, int page, int size) {
		String scope = switch (caller.role()) {
			case "provider" -> "provider_organization_id = any(:orgs)";
			case "case_manager" -> "referring_organization_id = any(:orgs)";
			case "jobseeker" -> "jobseeker_subject = :subject";
			default -> "false";
		};
		return jdbc.sql("select " + COLUMNS + " from referral where " + scope
				+ " and (:status = '' or status = :status) order by updated_at desc, id limit :size offset :offset")
			.param("orgs", caller.organizations().toArray(String[]::new))
			.param("subject", caller.subject())
			.param("status", status == null ? "" : status.code())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list()
			.stream()
			.map(r -> visible(withDetails(r), caller))
			.toList();
	}

	/**
	 * The referral as the caller may see it: a provider sees the note and screener answers only while the person's
	 * consent to share them with this provider is in force (asked now, not at sending).
	 */
	private Referral visible(Row row, Caller caller) {
		if (isProvider(row, caller) && !consents.allows(personOf(row), "referral_sharing",
				row.referral().providerOrganizationId())) {
			return row.referral().withheld();
		}
		return row.referral();
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
		jdbc.sql("update referral set status = ?, reason = ?, updated_at = now(), version = version + 1, "
				+ "responded_at = coalesce(responded_at, case when ? then now() end) where id = ?")
			.params(to.code(), reason, to.byProvider(), id)
			.update();
		history(id, from, to, reason, caller);
		Row after = row(id).orElseThrow();
		publish(after, personOf(after));
		audit.record(actor(caller), Action.UPDATE, "referral", id.toString(), Outcome.ALLOWED);
		return visible(after, caller);
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
		return visible(after, caller);
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
		if (!followUpAllowed(personOf(row))) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, "no-consent",
					"This person withdrew consent to retention follow-up."), null);
		}
		if (consents.doNotContact(personOf(row))) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, "do-not-contact",
					"This person chose not to be contacted; the check-in is recorded as no contact by choice."), null);
		}
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
		publishCheckIn(row, day, employed, false);
		audit.record(actor(caller), Action.UPDATE, "referral", id.toString(), Outcome.ALLOWED);
		return visible(row(id).orElseThrow(), caller);
	}

	private void publishCheckIn(Row row, int day, @Nullable Boolean employed, boolean noContact) {
		Referral r = row.referral();
		outbox.add(Topics.REFERRAL_LIFECYCLE, r.id().toString(), CloudEvent.of(EventTypes.RETENTION_CHECKED,
				properties.source(), new RetentionChecked(r.id().toString(), row.personRef(), r.listingId(),
						r.providerOrganizationId(), day, employed, r.placedOn(), row.occupations(),
						statistics(personOf(row)), noContact)));
	}

	/**
	 * Check-ins that fell due for people who chose not to be contacted: recorded as no contact by choice, so they
	 * leave every follow-up list and the metrics can count them apart. Returns how many.
	 */
	@Transactional
	public int recordNoContactCheckIns() {
		List<Object[]> due = jdbc.sql("select k.referral_id, k.day from check_in k join referral r on r.id = k.referral_id "
				+ "join contact_preference c on c.person_key = " + PERSON_KEY + " and c.do_not_contact "
				+ "where k.recorded_at is null and k.due_on <= :today for update of k")
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getInt(2) })
			.list();
		for (Object[] d : due) {
			jdbc.sql("update check_in set recorded_at = now(), no_contact = true, recorded_by = 'system' "
					+ "where referral_id = ? and day = ?")
				.params(d[0], d[1])
				.update();
			publishCheckIn(row((UUID) d[0]).orElseThrow(), (Integer) d[1], null, true);
		}
		return due.size();
	}

	/** Follow-up is allowed unless the person withdrew consent to it and has not given it again. */
	private boolean followUpAllowed(SavedIntakes.Person person) {
		boolean asked = consents.of(person).stream().anyMatch(c -> c.purpose().equals("retention_follow_up"));
		return !asked || consents.allows(person, "retention_follow_up", null);
	}

	/** The person a referral row is about, as the key of consents and contact preferences, in SQL. */
	private static final String PERSON_KEY = "(case when r.client_id is not null then 'client:' || r.client_id "
			+ "else 'jobseeker:' || r.jobseeker_subject end)";

	/** Check-ins due on or before {@code dueBy} that nobody recorded yet, for the caller's side. */
	public List<FollowUp> followUps(Caller caller, LocalDate dueBy) {
		String scope = caller.role().equals("jobseeker") ? "r.jobseeker_subject = :subject"
				: "r.referring_organization_id = any(:orgs)";
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("select r.id, r.client_id, r.listing_title, k.day, k.due_on from check_in k "
				+ "join referral r on r.id = k.referral_id where " + scope
				+ " and k.recorded_at is null and k.due_on <= :due "
				+ "and not exists (select 1 from contact_preference c where c.person_key = " + PERSON_KEY
				+ " and c.do_not_contact) "
				// a person who withdrew consent to retention follow-up (and gave none since) is not followed up
				+ "and not (exists (select 1 from consent s where s.person_key = " + PERSON_KEY
				+ " and s.purpose = 'retention_follow_up') and not exists (select 1 from consent s where s.person_key = "
				+ PERSON_KEY + " and s.purpose = 'retention_follow_up' and s.withdrawn_at is null)) "
				+ "order by k.due_on, r.id limit 500")
			.param("subject", caller.subject())
			.param("orgs", caller.organizations().toArray(String[]::new))
			.param("due", dueBy)
			.query((rs, n) -> new FollowUp(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
					rs.getString("listing_title"), rs.getInt("day"), rs.getDate("due_on").toLocalDate(),
					rs.getDate("due_on").toLocalDate().isBefore(today)))
			.list();
	}

	private Row locked(UUID id, Caller caller) {
		jdbc.sql("select id from referral where id = :id for update").param("id", id).query(UUID.class).optional();
		return row(id).filter(r -> sees(r, caller))
			.orElseThrow(() -> Problems.notFound("No referral with that id."));
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
		outbox.add(Topics.REFERRAL_LIFECYCLE, r.id().toString(),
				CloudEvent.of(EventTypes.REFERRAL_CHANGED, properties.source(),
						new ReferralChanged(r.id().toString(), row.personRef(), r.listingId(), r.listingKind(),
								r.providerOrganizationId(), r.referringOrganizationId(), r.status(), r.reason(),
								r.version(), row.occupations(), statistics(person), row.campaign(), r.placedOn(),
								r.outcome(), r.deadlineAt(), r.respondedAt())));
	}

	/** Coarse demographics for the metrics, only while the person's consent to anonymous statistics is in force. */
	private ReferralChanged.@Nullable Demographics statistics(SavedIntakes.Person person) {
		if (!consents.allows(person, "anonymous_statistics", null)) {
			return null;
		}
		return coarse(intakes.latestDemographics(person).orElse(null));
	}

	private static ReferralChanged.@Nullable Demographics coarse(@Nullable Demographics d) {
		return d == null || !d.consent() ? null
				: new ReferralChanged.Demographics(d.sex(), d.raceEthnicity(), d.ageBand(), d.veteran(), d.disability(),
						d.justiceInvolved());
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
				List.of(), List.of(), rs.getString("outcome"),
				rs.getString("screener") == null ? null
						: json.readValue(rs.getString("screener"), Referral.ScreenerAnswers.class),
				rs.getTimestamp("deadline_at").toInstant(),
				rs.getTimestamp("responded_at") == null ? null : rs.getTimestamp("responded_at").toInstant(),
				"sent".equals(rs.getString("status")) && rs.getTimestamp("deadline_at").toInstant().isBefore(java.time.Instant.now(clock)),
				false);
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
		List<Referral.CheckIn> checkIns = jdbc.sql("select day, due_on, recorded_at, employed, no_contact from check_in "
				+ "where referral_id = :id order by day")
			.param("id", r.id())
			.query((rs, n) -> new Referral.CheckIn(rs.getInt(1), rs.getDate(2).toLocalDate(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getObject(4, Boolean.class),
					rs.getBoolean(5)))
			.list();
		return new Row(new Referral(r.id(), r.clientId(), r.referringOrganizationId(), r.listingId(), r.listingKind(),
				r.listingTitle(), r.providerOrganizationId(), r.status(), r.reason(), r.note(), r.placedOn(), r.createdAt(),
				r.updatedAt(), r.version(), history, checkIns, r.outcome(), r.screener(), r.deadlineAt(), r.respondedAt(),
				r.overdue(), false), row.jobseekerSubject(), row.personRef(), row.occupations(), row.campaign());
	}

	private static Actor actor(Caller caller) {
		return new Actor(caller.subject(), caller.role(), caller.organization());
	}

}
