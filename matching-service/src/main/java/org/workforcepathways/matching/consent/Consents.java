package org.workforcepathways.matching.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.workforcepathways.matching.intake.SavedIntakes.Person;

/**
 * What a person agreed to and how they may be contacted. Asked at every use, not once at intake: a withdrawal takes
 * effect on the next read.
 */
@Repository
public class Consents {

	/** The uses a person may consent to. */
	public static final Set<String> PURPOSES = Set.of("referral_sharing", "retention_follow_up", "anonymous_statistics");

	public static final Set<String> CHANNELS = Set.of("phone", "text", "email");

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One consent, as given and perhaps withdrawn.
	 *
	 * @param providerOrganizationId for referral sharing: the provider it names; absent means any provider referred to
	 */
	public record Consent(long id, String purpose, @Nullable String providerOrganizationId, String givenBy,
			Instant givenAt, @Nullable String withdrawnBy, @Nullable Instant withdrawnAt) {

	}

	/** How a person may be contacted; none of the channels, or do-not-contact, means no contact at all. */
	public record Contact(List<String> channels, boolean doNotContact, @Nullable String updatedBy,
			@Nullable Instant updatedAt) {

		public static final Contact UNSET = new Contact(List.of(), false, null, null);

	}

	public List<Consent> of(Person person) {
		return jdbc.sql("select * from consent where person_key = :key order by id")
			.param("key", person.key())
			.query((rs, n) -> new Consent(rs.getLong("id"), rs.getString("purpose"),
					rs.getString("provider_organization_id"), rs.getString("given_by"),
					rs.getTimestamp("given_at").toInstant(), rs.getString("withdrawn_by"),
					rs.getTimestamp("withdrawn_at") == null ? null : rs.getTimestamp("withdrawn_at").toInstant()))
			.list();
	}

	public Consent give(Person person, String purpose, @Nullable String provider, String by) {
		long id = jdbc.sql("insert into consent (person_key, purpose, provider_organization_id, given_by) values (?, ?, ?, ?) "
				+ "returning id")
			.params(person.key(), purpose, provider, by)
			.query(Long.class)
			.single();
		return of(person).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/** Withdraws a consent; empty when the person has no such consent still in force. */
	public Optional<Consent> withdraw(Person person, long id, String by) {
		int n = jdbc.sql("update consent set withdrawn_at = now(), withdrawn_by = ? where id = ? and person_key = ? "
				+ "and withdrawn_at is null")
			.params(by, id, person.key())
			.update();
		return n == 0 ? Optional.empty() : of(person).stream().filter(c -> c.id() == id).findFirst();
	}

	/** Whether a consent for {@code purpose} is in force now (for sharing: with this provider, or with any). */
	public boolean allows(Person person, String purpose, @Nullable String provider) {
		return jdbc.sql("select count(*) from consent where person_key = :key and purpose = :purpose "
				+ "and withdrawn_at is null and (provider_organization_id is null or provider_organization_id = :provider)")
			.param("key", person.key())
			.param("purpose", purpose)
			.param("provider", provider)
			.query(Long.class)
			.single() > 0;
	}

	public Contact contact(Person person) {
		return jdbc.sql("select channels, do_not_contact, updated_by, updated_at from contact_preference where person_key = :key")
			.param("key", person.key())
			.query((rs, n) -> new Contact(List.of((String[]) rs.getArray(1).getArray()), rs.getBoolean(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional()
			.orElse(Contact.UNSET);
	}

	public Contact setContact(Person person, List<String> channels, boolean doNotContact, String by) {
		jdbc.sql("insert into contact_preference (person_key, channels, do_not_contact, updated_by) values (?, ?, ?, ?) "
				+ "on conflict (person_key) do update set channels = excluded.channels, "
				+ "do_not_contact = excluded.do_not_contact, updated_by = excluded.updated_by, updated_at = now()")
			.params(person.key(), doNotContact ? new String[0] : channels.toArray(String[]::new), doNotContact, by)
			.update();
		return contact(person);
	}

	public boolean doNotContact(Person person) {
		return contact(person).doNotContact();
	}

}
