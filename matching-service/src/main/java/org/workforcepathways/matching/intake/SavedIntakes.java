package org.workforcepathways.matching.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intakes kept for a signed-in jobseeker or a case manager's client, with their demographics in a table of their own.
 */
@Repository
public class SavedIntakes {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SavedIntakes(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Whose intake: a jobseeker's own ({@code subject}) or a client's. */
	public record Person(@Nullable String subject, @Nullable UUID clientId) {

		public static Person jobseeker(String subject) {
			return new Person(subject, null);
		}

		public static Person client(UUID id) {
			return new Person(null, id);
		}

		/** The key consents and contact preferences are kept under. */
		public String key() {
			return clientId != null ? "client:" + clientId : "jobseeker:" + subject;
		}

	}

	/** A saved intake as its person may read it back (export). */
	public record Saved(UUID id, Intake intake, @Nullable Demographics demographics, @Nullable String campaign,
			Instant createdAt) {

	}

	@Transactional
	public UUID save(Person person, @Nullable String organizationId, IntakeRequest request, String createdBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into intake (id, owner_subject, client_id, organization_id, answers, campaign, created_by) "
				+ "values (?, ?, ?, ?, cast(? as jsonb), ?, ?)")
			.params(id, person.subject(), person.clientId(), organizationId, json.writeValueAsString(request.intake()),
					request.campaign(), createdBy)
			.update();
		if (request.demographics().consent()) {
			jdbc.sql("insert into demographics (intake_id, consented_at, data) values (?, now(), cast(? as jsonb))")
				.params(id, json.writeValueAsString(request.demographics()))
				.update();
			// giving demographics is consent to count them, anonymously; it can be withdrawn like any other
			jdbc.sql("insert into consent (person_key, purpose, given_by) select ?, 'anonymous_statistics', ? "
					+ "where not exists (select 1 from consent where person_key = ? and purpose = 'anonymous_statistics' "
					+ "and withdrawn_at is null)")
				.params(person.key(), createdBy, person.key())
				.update();
		}
		return id;
	}

	public List<Saved> of(Person person) {
		return jdbc.sql("select i.id, i.answers::text as answers, i.campaign, i.created_at, d.data::text as demographics "
				+ "from intake i left join demographics d on d.intake_id = i.id "
				+ "where i.owner_subject = :subject or i.client_id = :client order by i.created_at desc")
			.param("subject", person.subject())
			.param("client", person.clientId())
			.query((rs, n) -> new Saved(rs.getObject("id", UUID.class), json.readValue(rs.getString("answers"), Intake.class),
					rs.getString("demographics") == null ? null
							: json.readValue(rs.getString("demographics"), Demographics.class),
					rs.getString("campaign"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The demographics of the person's latest intake that has them, for the coarse categories on events. */
	public Optional<Demographics> latestDemographics(Person person) {
		return of(person).stream().map(Saved::demographics).filter(d -> d != null && d.consent()).findFirst();
	}

	/** The campaign code of the person's latest intake that came with one. */
	public Optional<String> latestCampaign(Person person) {
		return of(person).stream().map(Saved::campaign).filter(c -> c != null).findFirst();
	}

	/** Erases a jobseeker's own intakes (demographics go with them); their referrals keep only the pseudonym. */
	@Transactional
	public int eraseJobseeker(String subject) {
		jdbc.sql("update referral_change set actor_subject = 'erased' where actor_subject = :s and referral_id in "
				+ "(select id from referral where jobseeker_subject = :s)")
			.param("s", subject)
			.update();
		jdbc.sql("update referral set note = null, screener = null, jobseeker_subject = null, created_by = 'erased' "
				+ "where jobseeker_subject = :s")
			.param("s", subject)
			.update();
		forgetChoices(Person.jobseeker(subject));
		return jdbc.sql("delete from intake where owner_subject = :s").param("s", subject).update();
	}

	/** An erased person's consents and contact preferences go with them. */
	public void forgetChoices(Person person) {
		jdbc.sql("delete from consent where person_key = ?").params(person.key()).update();
		jdbc.sql("delete from contact_preference where person_key = ?").params(person.key()).update();
	}

}
