package org.workforcepathways.directory.hsds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import runs and their reports, kept in the database so progress and results outlive the request and a restart. */
@Repository
class HsdsImportRuns {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	HsdsImportRuns(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * One line of an import report.
	 *
	 * @param record the record's position in the upload (from 1)
	 * @param outcome created, updated, unchanged, rejected, queued (for review), merged (into a record already held);
	 *     in a dry run, what would happen
	 * @param problems for a rejection: each schema path or rule broken
	 * @param notes what was merged or left out on the way
	 */
	record Line(int record, @Nullable String id, @Nullable String name, String outcome, List<String> problems,
			List<String> notes) {

	}

	/** An import run as its admin sees it while it runs and afterwards. */
	record Run(UUID id, String source, String format, boolean dryRun, String state, @Nullable Integer total,
			int processed, Map<String, Integer> counts, List<Line> report, @Nullable String failure,
			@Nullable String startedBy, Instant startedAt, @Nullable Instant finishedAt) {

	}

	UUID create(String source, String format, boolean dryRun, @Nullable String startedBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into hsds_import (id, source, format, dry_run, state, started_by) values (?, ?, ?, ?, 'queued', ?)")
			.params(id, source, format, dryRun, startedBy)
			.update();
		return id;
	}

	void progress(UUID id, String state, @Nullable Integer total, int processed, Map<String, Integer> counts,
			List<Line> report) {
		jdbc.sql("update hsds_import set state = :state, total = :total, processed = :processed, created = :created, "
				+ "updated = :updated, unchanged = :unchanged, rejected = :rejected, queued = :queued, "
				+ "report = cast(:report as jsonb) where id = :id")
			.param("state", state)
			.param("total", total)
			.param("processed", processed)
			.param("created", counts.getOrDefault("created", 0))
			.param("updated", counts.getOrDefault("updated", 0) + counts.getOrDefault("merged", 0))
			.param("unchanged", counts.getOrDefault("unchanged", 0))
			.param("rejected", counts.getOrDefault("rejected", 0))
			.param("queued", counts.getOrDefault("queued", 0))
			.param("report", json.writeValueAsString(report))
			.param("id", id)
			.update();
	}

	void finish(UUID id, String state, @Nullable String failure) {
		jdbc.sql("update hsds_import set state = ?, failure = ?, finished_at = now() where id = ?")
			.params(state, failure, id)
			.update();
	}

	Optional<Run> find(UUID id) {
		return jdbc.sql("select * from hsds_import where id = :id").param("id", id).query(this::map).optional();
	}

	List<Run> recent() {
		return jdbc.sql("select id, source, format, dry_run, state, total, processed, created, updated, unchanged, "
				+ "rejected, queued, '[]' as report, failure, started_by, started_at, finished_at from hsds_import "
				+ "order by started_at desc limit 50")
			.query(this::map)
			.list();
	}

	private Run map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		for (String c : List.of("created", "updated", "unchanged", "rejected", "queued")) {
			counts.put(c, rs.getInt(c));
		}
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new Run(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("format"),
				rs.getBoolean("dry_run"), rs.getString("state"), rs.getObject("total", Integer.class),
				rs.getInt("processed"), counts, List.of(json.readValue(rs.getString("report"), Line[].class)),
				rs.getString("failure"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

}
