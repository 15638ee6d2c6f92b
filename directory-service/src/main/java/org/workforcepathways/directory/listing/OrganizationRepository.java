package org.workforcepathways.directory.listing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations (HSDS {@code organization}) in the directory's database. */
@Repository
public class OrganizationRepository {

	private static final String DATA = "name, description, website, email, sample";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts or updates; true when something changed. */
	public boolean save(Organization o) {
		return jdbc.sql("insert into organization (id, " + DATA + ") values (:id, :name, :description, :website, :email, "
				+ ":sample) on conflict (id) do update set name = excluded.name, description = excluded.description, "
				+ "website = excluded.website, email = excluded.email, sample = excluded.sample, updated_at = now() "
				+ "where (organization." + DATA.replace(", ", ", organization.") + ") is distinct from (excluded."
				+ DATA.replace(", ", ", excluded.") + ")")
			.param("id", o.id())
			.param("name", o.name())
			.param("description", o.description())
			.param("website", o.website())
			.param("email", o.email())
			.param("sample", o.sample())
			.update() > 0;
	}

	public Optional<Organization> findById(String id) {
		return findAllById(List.of(id)).values().stream().findFirst();
	}

	public Map<String, Organization> findAllById(Collection<String> ids) {
		return jdbc.sql("select id, " + DATA + " from organization where id = any(:ids)")
			.param("ids", ListingRepository.array(ids))
			.query((rs, n) -> new Organization(rs.getString("id"), rs.getString("name"), rs.getString("description"),
					rs.getString("website"), rs.getString("email"), rs.getBoolean("sample")))
			.list()
			.stream()
			.collect(Collectors.toMap(Organization::id, Function.identity()));
	}

	/** Ids of the listings an organization offers, to reindex them when its name changes. */
	public List<String> listingIds(String organizationId) {
		return jdbc.sql("select id from listing where organization_id = :id order by id")
			.param("id", organizationId)
			.query(String.class)
			.list();
	}

}
