package org.workforcepathways.matching.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clients in matching's database, always read within one organization. */
@Repository
public class Clients {

	private final JdbcClient jdbc;

	Clients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A client with what their case manager follows. */
	public record Summary(Client client, long intakes, long openReferrals, long followUpsDue) {

	}

	public Client add(String organizationId, String displayName, String createdBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into client (id, organization_id, display_name, created_by) values (?, ?, ?, ?)")
			.params(id, organizationId, displayName.strip(), createdBy)
			.update();
		return find(id, organizationId).orElseThrow();
	}

	public Optional<Client> find(UUID id, @Nullable String organizationId) {
		return jdbc.sql("select * from client where id = :id and organization_id = :org")
			.param("id", id)
			.param("org", organizationId)
			.query((rs, n) -> new Client(rs.getObject("id", UUID.class), rs.getString("organization_id"),
					rs.getString("display_name"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** One page of an organization's clients, newest first, optionally those whose name contains {@code q}. */
	public List<Summary> page(String organizationId, @Nullable String q, int page, int size) {
		return jdbc.sql("select c.*, (select count(*) from intake i where i.client_id = c.id) as intakes, "
				+ "(select count(*) from referral r where r.client_id = c.id and r.status in ('sent', 'accepted', 'enrolled')) as open_referrals, "
				+ "(select count(*) from check_in k join referral r on r.id = k.referral_id where r.client_id = c.id "
				+ "and k.recorded_at is null and k.due_on <= current_date) as due "
				+ "from client c where c.organization_id = :org and (:q = '' or c.display_name ilike '%' || :q || '%') "
				+ "order by c.created_at desc, c.id limit :size offset :offset")
			.param("org", organizationId)
			.param("q", q == null ? "" : q.replace("%", "").replace("_", ""))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Summary(new Client(rs.getObject("id", UUID.class), rs.getString("organization_id"),
					rs.getString("display_name"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()),
					rs.getLong("intakes"), rs.getLong("open_referrals"), rs.getLong("due")))
			.list();
	}

	/**
	 * Erases a client: intakes and demographics go (cascade), consents and contact preferences too; referrals keep
	 * only their pseudonymous reference, without the note or screener answers.
	 */
	@org.springframework.transaction.annotation.Transactional
	public boolean erase(UUID id, String organizationId) {
		if (find(id, organizationId).isEmpty()) {
			return false;
		}
		jdbc.sql("update referral set note = null, screener = null where client_id = :id").param("id", id).update();
		jdbc.sql("delete from consent where person_key = ?").params("client:" + id).update();
		jdbc.sql("delete from contact_preference where person_key = ?").params("client:" + id).update();
		return jdbc.sql("delete from client where id = :id and organization_id = :org")
			.param("id", id)
			.param("org", organizationId)
			.update() > 0;
	}

}
