package org.workforcepathways.directory.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.listing.SurveyProgress;
import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.listing.DirectoryStore;
import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.OrganizationRepository;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;
import org.workforcepathways.platform.Problems.FieldProblem;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * The landscape survey: an admin invites the region's known organizations with single-use links; an organization
 * describes its services without an account; its answers wait as draft listings until an admin approves them. Only
 * a hash of each link's token is stored, so the table cannot be used to answer for anyone.
 */
@Service
public class Survey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final OrganizationRepository organizations;

	private final DirectoryStore store;

	private final JsonMapper json;

	private final DirectoryProperties.Survey settings;

	private final Outbox outbox;

	private final String source;

	Survey(JdbcClient jdbc, OrganizationRepository organizations, DirectoryStore store, JsonMapper json,
			DirectoryProperties properties, Outbox outbox) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.store = store;
		this.json = json;
		this.settings = properties.survey();
		this.outbox = outbox;
		this.source = properties.source();
	}

	/** A link to send to one organization; the token is shown once and cannot be recovered. */
	public record Invitation(String organizationId, String token, String link, Instant expiresAt) {

	}

	/** What an invited organization sees: who it is answering for, until when. */
	public record Invited(Organization organization, Instant expiresAt) {

	}

	/** Known organizations, how many were invited and how many answered, against the partnership's targets. */
	public record Coverage(long knownOrganizations, long surveyed, long responded, double surveyedShare,
			double respondedShare, double surveyedTarget, double respondedTarget) {

	}

	/** A draft listing from a survey answer, waiting for an admin. */
	public record Answer(long id, String organizationId, String status, Listing draft, Instant receivedAt) {

	}

	@Transactional
	public List<Invitation> invite(List<String> organizationIds, Caller admin) {
		var known = organizations.findAllById(organizationIds);
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < organizationIds.size(); i++) {
			if (!known.containsKey(organizationIds.get(i))) {
				problems.add(new FieldProblem("organizationIds[" + i + "]", "is not an organization in the directory"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant expires = Instant.now().plus(settings.validFor());
		List<Invitation> out = new ArrayList<>();
		for (String id : organizationIds.stream().distinct().toList()) {
			byte[] raw = new byte[24];
			RANDOM.nextBytes(raw);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
			jdbc.sql("insert into survey_invitation (token_hash, organization_id, invited_by, expires_at) values (?, ?, ?, ?)")
				.params(hash(token), id, admin.subject(), java.sql.Timestamp.from(expires))
				.update();
			out.add(new Invitation(id, token, "/survey/" + token, expires));
		}
		publishProgress();
		return out;
	}

	/** The invitation a token opens; 404 when there is none, 410 when it was used or has expired. */
	public Invited open(String token) {
		record Row(String organizationId, Instant expiresAt, @Nullable Instant respondedAt) {
		}
		Row row = jdbc.sql("select organization_id, expires_at, responded_at from survey_invitation where token_hash = :h")
			.param("h", hash(token))
			.query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.optional()
			.orElseThrow(() -> Problems.notFound("This survey link is not known; ask the partnership for a new one."));
		if (row.respondedAt() != null || row.expiresAt().isBefore(Instant.now())) {
			throw new ErrorResponseException(HttpStatus.GONE, Problems.problem(HttpStatus.GONE, "link-used",
					row.respondedAt() != null ? "This survey was answered already; thank you."
							: "This survey link has expired; ask the partnership for a new one."), null);
		}
		return new Invited(organizations.findById(row.organizationId()).orElseThrow(), row.expiresAt());
	}

	/**
	 * Takes an organization's answer: each described service becomes a draft listing for review. The link works once:
	 * the same transaction marks it used, so two submissions racing cannot both count.
	 */
	@Transactional
	public int answer(String token, List<Listing> services) {
		Invited invited = open(token);
		String organizationId = invited.organization().id();
		List<Listing> drafts = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < services.size(); i++) {
			Listing s = services.get(i);
			Listing draft = new Listing("survey-" + UUID.randomUUID().toString().substring(0, 13), s.kind(), s.title(),
					organizationId, s.description() == null ? "" : s.description(), s.categories(), s.languages(), s.url(),
					s.email(), "active", s.eligibilityDescription(), List.of(), s.phones(), s.schedules(), s.workforce(),
					false, null, null);
			String at = "services[" + i + "].";
			store.check(new DirectoryStore.ImportRecord(null, List.of(), draft))
				.stream()
				.filter(p -> !p.field().equals("id") && !p.field().equals("organizationId"))
				.forEach(p -> problems.add(new FieldProblem(at + p.field(), p.message())));
			drafts.add(draft);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int used = jdbc.sql("update survey_invitation set responded_at = now() where token_hash = :h and responded_at is null")
			.param("h", hash(token))
			.update();
		if (used == 0) {
			throw new ErrorResponseException(HttpStatus.GONE,
					Problems.problem(HttpStatus.GONE, "link-used", "This survey was answered already; thank you."), null);
		}
		for (Listing d : drafts) {
			jdbc.sql("insert into review_item (kind, source, record_kind, record_id, document) "
					+ "values ('survey', :source, 'service', :id, cast(:doc as jsonb))")
				.param("source", "survey:" + organizationId)
				.param("id", d.id())
				.param("doc", json.writeValueAsString(d))
				.update();
		}
		publishProgress();
		return drafts.size();
	}

	public List<Answer> answers(String status) {
		return jdbc.sql("select id, status, document::text as document, created_at from review_item "
				+ "where kind = 'survey' and status = :status order by id limit 500")
			.param("status", status)
			.query((rs, n) -> {
				Listing draft = json.readValue(rs.getString("document"), Listing.class);
				return new Answer(rs.getLong("id"), draft.organizationId(), rs.getString("status"), draft,
						rs.getTimestamp("created_at").toInstant());
			})
			.list();
	}

	/** Approves a draft into a listing, or rejects it; empty when no such draft waits. */
	@Transactional
	public Optional<String> decide(long id, boolean approve, Caller admin) {
		Optional<String> doc = jdbc.sql("select document::text from review_item where id = :id and kind = 'survey' "
				+ "and status = 'pending' for update")
			.param("id", id)
			.query(String.class)
			.optional();
		if (doc.isEmpty()) {
			return Optional.empty();
		}
		Listing draft = json.readValue(doc.get(), Listing.class);
		if (approve) {
			store.create(draft, admin);
		}
		jdbc.sql("update review_item set status = ?, decided_by = ?, decided_at = now() where id = ?")
			.params(approve ? "approved" : "rejected", admin.subject(), id)
			.update();
		return Optional.of(approve ? "approved" : "rejected");
	}

	public Coverage coverage() {
		long known = jdbc.sql("select count(*) from organization").query(Long.class).single();
		long surveyed = jdbc.sql("select count(distinct organization_id) from survey_invitation").query(Long.class).single();
		long responded = jdbc.sql("select count(distinct organization_id) from survey_invitation where responded_at is not null")
			.query(Long.class)
			.single();
		return new Coverage(known, surveyed, responded, share(surveyed, known), share(responded, known),
				settings.surveyedTarget(), settings.respondedTarget());
	}

	/** The coverage after a change, as a {@code survey-progress} event; call inside the change's transaction. */
	private void publishProgress() {
		Coverage c = coverage();
		outbox.add(Topics.LISTING_CHANGES, SurveyProgress.KEY, CloudEvent.of(EventTypes.SURVEY_PROGRESS, source,
				new SurveyProgress(c.knownOrganizations(), c.surveyed(), c.responded())));
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
