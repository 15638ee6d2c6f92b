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

	private static final String COLUMNS = "id, kind, title, organization, description, categories, city, zip, latitude, "
			+ "longitude, languages, free, sample, updated_at";

	private final JdbcClient jdbc;

	ListingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts or updates a listing; returns true when something changed, so unchanged demo data neither bumps the
	 * version nor gets reindexed.
	 */
	public boolean upsert(Listing l) {
		return jdbc.sql("""
				insert into listing (id, kind, title, organization, description, categories, city, zip, latitude,
				                     longitude, languages, free, sample)
				values (:id, :kind, :title, :organization, :description, :categories, :city, :zip, :latitude,
				        :longitude, :languages, :free, :sample)
				on conflict (id) do update set kind = excluded.kind, title = excluded.title,
				  organization = excluded.organization, description = excluded.description,
				  categories = excluded.categories, city = excluded.city, zip = excluded.zip,
				  latitude = excluded.latitude, longitude = excluded.longitude, languages = excluded.languages,
				  free = excluded.free, sample = excluded.sample, updated_at = now(), version = listing.version + 1
				where (listing.kind, listing.title, listing.organization, listing.description, listing.categories,
				       listing.city, listing.zip, listing.latitude, listing.longitude, listing.languages, listing.free,
				       listing.sample)
				   is distinct from
				      (excluded.kind, excluded.title, excluded.organization, excluded.description, excluded.categories,
				       excluded.city, excluded.zip, excluded.latitude, excluded.longitude, excluded.languages,
				       excluded.free, excluded.sample)
				""")
			.param("id", l.id())
			.param("kind", l.kind().code())
			.param("title", l.title())
			.param("organization", l.organization())
			.param("description", l.description())
			.param("categories", l.categories().toArray(String[]::new))
			.param("city", l.city())
			.param("zip", l.zip())
			.param("latitude", l.latitude())
			.param("longitude", l.longitude())
			.param("languages", l.languages().toArray(String[]::new))
			.param("free", l.free())
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
		return new Listing(rs.getString("id"), ListingKind.fromCode(rs.getString("kind")), rs.getString("title"),
				rs.getString("organization"), rs.getString("description"), strings(rs.getArray("categories")),
				rs.getString("city"), rs.getString("zip"), rs.getObject("latitude", Double.class),
				rs.getObject("longitude", Double.class), strings(rs.getArray("languages")), rs.getBoolean("free"),
				rs.getBoolean("sample"), updated == null ? null : updated.toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
