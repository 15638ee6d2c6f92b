package org.workforcepathways.directory.hsds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.workforcepathways.platform.Caller;

/**
 * Imported records that look like one the directory holds, waiting for an admin: merge them into it, or keep them
 * apart. Either way the decision is remembered as an alias, so the next import of the same inventory does not ask
 * again.
 */
@Service
class HsdsReviews {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final HsdsRecords records;

	private final HsdsImporter importer;

	HsdsReviews(JdbcClient jdbc, JsonMapper json, HsdsRecords records, HsdsImporter importer) {
		this.jdbc = jdbc;
		this.json = json;
		this.records = records;
		this.importer = importer;
	}

	/** A waiting or decided record, with the one it may be. */
	record Item(long id, String source, String recordKind, String recordId, @Nullable String name,
			@Nullable String candidateId, @Nullable String candidateName, double score, String reasons, String status,
			@Nullable String decidedBy, Instant createdAt) {

	}

	List<Item> list(String status) {
		return jdbc.sql("select r.*, coalesce(o.name, l.title) as candidate_name from review_item r "
				+ "left join organization o on r.record_kind = 'organization' and o.id = r.candidate_id "
				+ "left join listing l on r.record_kind = 'service' and l.id = r.candidate_id "
				+ "where r.kind = 'duplicate' and r.status = :status order by r.id limit 500")
			.param("status", status)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("source"), rs.getString("record_kind"),
					rs.getString("record_id"), HsdsMapper.text(json.readTree(rs.getString("document")), "name"),
					rs.getString("candidate_id"), rs.getString("candidate_name"), rs.getDouble("score"),
					rs.getString("reasons"), rs.getString("status"), rs.getString("decided_by"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Applies an admin's decision and imports the record accordingly.
	 *
	 * @param merge true: it is the candidate; false: it is a record of its own
	 * @return the import's line for the record, or empty when there is no such waiting item
	 */
	@Transactional
	public Optional<HsdsImportRuns.Line> decide(long id, boolean merge, Caller caller) {
		var row = jdbc.sql("select source, record_kind, candidate_id, document from review_item "
				+ "where id = :id and kind = 'duplicate' and status = 'pending' for update")
			.param("id", id)
			.query((rs, n) -> new Object[] { rs.getString("source"), rs.getString("record_kind"),
					rs.getString("candidate_id"), json.readTree(rs.getString("document")) })
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		String source = (String) row.get()[0];
		String recordKind = (String) row.get()[1];
		String candidate = (String) row.get()[2];
		JsonNode doc = (JsonNode) row.get()[3];
		String foreignId = foreignId(recordKind, doc);
		records.saveAlias(recordKind, foreignId, merge ? candidate : foreignId, source);
		HsdsImportRuns.Line line = importer.importOne(doc, source, caller);
		if (line.outcome().equals("rejected") || line.outcome().equals("queued")) {
			// the item stays waiting and the alias is not kept (the transaction rolls back)
			var problem = org.workforcepathways.platform.Problems.problem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
					"not-imported", "The record could not be imported as decided: " + String.join("; ", line.problems()));
			problem.setProperty("line", line);
			throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
					problem, null);
		}
		jdbc.sql("update review_item set status = ?, decided_by = ?, decided_at = now() where id = ?")
			.params(merge ? "merged" : "separate", caller.subject(), id)
			.update();
		return Optional.of(line);
	}

	/** The id the record has in its own inventory. */
	private static String foreignId(String recordKind, JsonNode doc) {
		if (recordKind.equals("service") || !doc.has("status")) {
			return HsdsMapper.text(doc, "id");
		}
		String nested = HsdsMapper.text(doc.path("organization"), "id");
		return nested != null ? nested : HsdsMapper.text(doc, "organization_id");
	}

}
