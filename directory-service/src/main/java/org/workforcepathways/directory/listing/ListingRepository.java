package org.workforcepathways.directory.listing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Listings in the directory's PostgreSQL database, the system of record. */
@Repository
public class ListingRepository {

	private static final String COLUMNS = "id, kind, title, organization, organization_id, description, categories, city, "
			+ "zip, latitude, longitude, languages, free, cost, schedule, credential, occupations, next_start, duration_weeks, "
			+ "seats_total, seats_open, paid, supports, eligibility, phone, url, sample, updated_at";

	// the columns an upsert writes, and compares to decide whether anything changed
	private static final String DATA = "kind, title, organization, organization_id, description, categories, city, zip, "
			+ "latitude, longitude, languages, free, cost, schedule, credential, occupations, next_start, duration_weeks, "
			+ "seats_total, seats_open, paid, supports, eligibility, phone, url, sample";

	private final JdbcClient jdbc;

	ListingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts or updates a listing; returns true when something changed, so unchanged demo data neither bumps the
	 * version nor gets reindexed.
	 */
	public boolean upsert(Listing l) {
		String params = ":" + DATA.replace(", ", ", :");
		String updates = java.util.Arrays.stream(DATA.split(", "))
			.map(c -> c + " = excluded." + c)
			.collect(java.util.stream.Collectors.joining(", "));
		String current = "listing." + DATA.replace(", ", ", listing.");
		String incoming = "excluded." + DATA.replace(", ", ", excluded.");
		return jdbc.sql("insert into listing (id, " + DATA + ") values (:id, " + params + ") on conflict (id) do update set "
				+ updates + ", updated_at = now(), version = listing.version + 1 where (" + current
				+ ") is distinct from (" + incoming + ")")
			.param("id", l.id())
			.param("kind", l.kind().code())
			.param("title", l.title())
			.param("organization", l.organization())
			.param("organization_id", l.organizationId())
			.param("description", l.description())
			.param("categories", l.categories().toArray(String[]::new))
			.param("city", l.city())
			.param("zip", l.zip())
			.param("latitude", l.latitude())
			.param("longitude", l.longitude())
			.param("languages", l.languages().toArray(String[]::new))
			.param("free", l.free())
			.param("cost", l.cost())
			.param("schedule", l.schedule().toArray(String[]::new))
			.param("credential", l.credential())
			.param("occupations", l.occupations().toArray(String[]::new))
			.param("next_start", l.nextStart())
			.param("duration_weeks", l.durationWeeks())
			.param("seats_total", l.seatsTotal())
			.param("seats_open", l.seatsOpen())
			.param("paid", l.paid())
			.param("supports", l.supports().toArray(String[]::new))
			.param("eligibility", l.eligibility())
			.param("phone", l.phone())
			.param("url", l.url())
			.param("sample", l.sample())
			.update() > 0;
	}

	public Optional<Listing> findById(String id) {
		return jdbc.sql("select " + COLUMNS + " from listing where id = :id").param("id", id).query(this::map).optional();
	}

	public List<Listing> findAll() {
		return jdbc.sql("select " + COLUMNS + " from listing order by id").query(this::map).list();
	}

	public long count() {
		return jdbc.sql("select count(*) from listing").query(Long.class).single();
	}

	private Listing map(ResultSet rs, int row) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		java.sql.Date start = rs.getDate("next_start");
		return new Listing(rs.getString("id"), ListingKind.fromCode(rs.getString("kind")), rs.getString("title"),
				rs.getString("organization"), rs.getString("organization_id"), rs.getString("description"),
				strings(rs.getArray("categories")), rs.getString("city"), rs.getString("zip"),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
				strings(rs.getArray("languages")), rs.getBoolean("free"), rs.getBigDecimal("cost"),
				strings(rs.getArray("schedule")), rs.getString("credential"), strings(rs.getArray("occupations")),
				start == null ? null : start.toLocalDate(), rs.getObject("duration_weeks", Integer.class),
				rs.getObject("seats_total", Integer.class), rs.getObject("seats_open", Integer.class),
				rs.getBoolean("paid"), strings(rs.getArray("supports")), rs.getString("eligibility"),
				rs.getString("phone"), rs.getString("url"), rs.getBoolean("sample"),
				updated == null ? null : updated.toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
