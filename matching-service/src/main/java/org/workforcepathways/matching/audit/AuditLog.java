package org.workforcepathways.matching.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.workforcepathways.matching.audit.AuditEntry.Action;
import org.workforcepathways.matching.audit.AuditEntry.Outcome;

/**
 * The audit log: every feature that reads or changes a person's record (intakes, referrals) calls
 * {@link #record}; admins read it through {@link AuditController}. Entries are only ever added.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Actor actor, Action action, String recordType, String recordId, Outcome outcome) {
		jdbc.sql("""
				insert into audit_entry (actor_subject, actor_role, actor_organization, action, record_type, record_id, outcome)
				values (:subject, :role, :organization, :action, :type, :id, :outcome)
				""")
			.param("subject", actor.subject())
			.param("role", actor.role())
			.param("organization", actor.organization())
			.param("action", action.code())
			.param("type", recordType)
			.param("id", recordId)
			.param("outcome", outcome.code())
			.update();
	}

	/** Newest first; {@code before} is the id of the last entry of the previous page. */
	List<AuditEntry> find(AuditQuery q) {
		StringBuilder sql = new StringBuilder("select * from audit_entry where true");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (q.recordType() != null) {
			sql.append(" and record_type = :type");
			params.put("type", q.recordType());
		}
		if (q.recordId() != null) {
			sql.append(" and record_id = :id");
			params.put("id", q.recordId());
		}
		if (q.actor() != null) {
			sql.append(" and actor_subject = :actor");
			params.put("actor", q.actor());
		}
		if (q.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			sql.append(" and occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(q.to()));
		}
		if (q.before() != null) {
			sql.append(" and id < :before");
			params.put("before", q.before());
		}
		sql.append(" order by id desc limit :size");
		params.put("size", q.size());
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEntry(rs.getLong("id"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_subject"), rs.getString("actor_role"),
				rs.getString("actor_organization"), Action.valueOf(rs.getString("action").toUpperCase(java.util.Locale.ROOT)),
				rs.getString("record_type"), rs.getString("record_id"),
				Outcome.valueOf(rs.getString("outcome").toUpperCase(java.util.Locale.ROOT)))).list();
	}

	/** A validated audit query. */
	record AuditQuery(@Nullable String recordType, @Nullable String recordId, @Nullable String actor,
			@Nullable Instant from, @Nullable Instant to, @Nullable Long before, int size) {

	}

}
