package org.workforcepathways.directory.hsds;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * HSDS documents as last received, per record, and the ids other inventories use for records merged into the
 * directory's own.
 */
@Repository
public class HsdsRecords {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	HsdsRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @param kind service, organization or location */
	public Map<String, JsonNode> find(String kind, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, document::text as document from hsds_record where kind = :kind and id = any(:ids)")
			.param("kind", kind)
			.param("ids", ids.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("id"), json.readTree(rs.getString("document"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Keeps the document; call in the transaction that saves the record. */
	public void save(String kind, String id, JsonNode document, String source) {
		saveAll(List.of(new Kept(kind, id, document)), source);
	}

	/** A document to keep: {@code kind} is service, organization or location. */
	public record Kept(String kind, String id, JsonNode document) {

	}

	/**
	 * Keeps documents in one statement; call in the transaction that saves their records. Each (kind, id) at most
	 * once: a database statement cannot change one row twice.
	 */
	public void saveAll(Collection<Kept> documents, String source) {
		if (documents.isEmpty()) {
			return;
		}
		jdbc.sql("insert into hsds_record (kind, id, document, source) select k, i, cast(d as jsonb), :source "
				+ "from unnest(:kinds, :ids, :documents) as r(k, i, d) on conflict (kind, id) do update set "
				+ "document = excluded.document, source = excluded.source, received_at = now()")
			.param("kinds", documents.stream().map(Kept::kind).toArray(String[]::new))
			.param("ids", documents.stream().map(Kept::id).toArray(String[]::new))
			.param("documents", documents.stream().map(d -> json.writeValueAsString(d.document())).toArray(String[]::new))
			.param("source", source)
			.update();
	}

	/** The directory's id for a record another inventory calls {@code foreignId}, if it was merged. */
	public Optional<String> alias(String kind, String foreignId) {
		return jdbc.sql("select local_id from hsds_alias where kind = :kind and foreign_id = :id")
			.param("kind", kind)
			.param("id", foreignId)
			.query(String.class)
			.optional();
	}

	/** Aliases of many records at once: foreign id to the directory's id, for those that have one. */
	public Map<String, String> aliases(String kind, Collection<String> foreignIds) {
		if (foreignIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select foreign_id, local_id from hsds_alias where kind = :kind and foreign_id = any(:ids)")
			.param("kind", kind)
			.param("ids", foreignIds.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public void saveAlias(String kind, String foreignId, String localId, String source) {
		jdbc.sql("insert into hsds_alias (kind, foreign_id, local_id, source) values (?, ?, ?, ?) "
				+ "on conflict (kind, foreign_id) do update set local_id = excluded.local_id, source = excluded.source")
			.params(kind, foreignId, localId, source)
			.update();
	}

}
