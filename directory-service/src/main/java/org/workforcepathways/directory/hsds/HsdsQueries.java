package org.workforcepathways.directory.hsds;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The filters of the HSDS API's list endpoints, as SQL over the system of record. */
@Repository
class HsdsQueries {

	private final JdbcClient jdbc;

	HsdsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of ids and how many match in all. */
	record Page(List<String> ids, long total) {

	}

	/**
	 * @param search words that must all appear in the name or description
	 * @param category a taxonomy term code the service carries
	 * @param organization the organization's HSDS id or directory id
	 */
	Page services(@Nullable String search, @Nullable String category, @Nullable String organization,
			@Nullable OffsetDateTime modifiedAfter, int page, int perPage) {
		List<String> where = new ArrayList<>();
		where.add("true");
		if (search != null) {
			where.add("to_tsvector('simple', title || ' ' || description) @@ plainto_tsquery('simple', :search)");
		}
		if (category != null) {
			where.add(":category = any(categories)");
		}
		if (organization != null) {
			where.add("organization_id in (select id from organization where id = :organization "
					+ "or hsds_id::text = lower(:organization))");
		}
		if (modifiedAfter != null) {
			where.add("updated_at > :modifiedAfter");
		}
		String condition = String.join(" and ", where);
		return new Page(bind(jdbc.sql("select id from listing where " + condition + " order by id limit :limit offset :offset"),
				search, category, organization, modifiedAfter)
			.param("limit", perPage)
			.param("offset", (long) (page - 1) * perPage)
			.query(String.class)
			.list(),
				bind(jdbc.sql("select count(*) from listing where " + condition), search, category, organization,
						modifiedAfter)
					.query(Long.class)
					.single());
	}

	Page organizations(@Nullable String search, int page, int perPage) {
		String condition = search == null ? "true"
				: "to_tsvector('simple', name || ' ' || description) @@ plainto_tsquery('simple', :search)";
		JdbcClient.StatementSpec rows = jdbc
			.sql("select id from organization where " + condition + " order by id limit :limit offset :offset")
			.param("limit", perPage)
			.param("offset", (long) (page - 1) * perPage);
		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from organization where " + condition);
		if (search != null) {
			rows = rows.param("search", search);
			count = count.param("search", search);
		}
		return new Page(rows.query(String.class).list(), count.query(Long.class).single());
	}

	/** The directory id of a service or organization named by its HSDS id, its own id, or an id merged into it. */
	@Nullable String localId(String kind, String id) {
		String table = kind.equals("service") ? "listing" : "organization";
		return jdbc.sql("select id from " + table + " where id = :id or hsds_id::text = lower(:id) "
				+ "union all select local_id from hsds_alias where kind = :kind and foreign_id = :id limit 1")
			.param("id", id)
			.param("kind", kind)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable String search,
			@Nullable String category, @Nullable String organization, @Nullable OffsetDateTime modifiedAfter) {
		if (search != null) {
			spec = spec.param("search", search);
		}
		if (category != null) {
			spec = spec.param("category", category);
		}
		if (organization != null) {
			spec = spec.param("organization", organization);
		}
		if (modifiedAfter != null) {
			spec = spec.param("modifiedAfter", modifiedAfter);
		}
		return spec;
	}

}
