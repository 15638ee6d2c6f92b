package org.workforcepathways.directory.screener;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screeners by listing. */
@Repository
public class Screeners {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Screeners(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Screener> find(String serviceId) {
		return jdbc.sql("select questions::text from screener where service_id = :id")
			.param("id", serviceId)
			.query(String.class)
			.optional()
			.map(q -> new Screener(json.readValue(q, Screener.class).questions()));
	}

	public java.util.Map<String, Screener> findAll(java.util.Collection<String> serviceIds) {
		if (serviceIds.isEmpty()) {
			return java.util.Map.of();
		}
		return jdbc.sql("select service_id, questions::text from screener where service_id = any(:ids)")
			.param("ids", serviceIds.toArray(String[]::new))
			.query((rs, n) -> java.util.Map.entry(rs.getString(1), new Screener(json.readValue(rs.getString(2), Screener.class).questions())))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	void save(String serviceId, Screener screener, @Nullable String by) {
		jdbc.sql("insert into screener (service_id, questions, updated_by) values (?, cast(? as jsonb), ?) "
				+ "on conflict (service_id) do update set questions = excluded.questions, updated_by = excluded.updated_by, "
				+ "updated_at = now()")
			.params(serviceId, json.writeValueAsString(screener), by)
			.update();
	}

	boolean delete(String serviceId) {
		return jdbc.sql("delete from screener where service_id = ?").params(serviceId).update() > 0;
	}

}
