package org.workforcepathways.directory.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Locations (HSDS {@code location} with its {@code address}) in the directory's database. */
@Repository
public class LocationRepository {

	private static final String DATA = "organization_id, location_type, name, latitude, longitude, transportation, "
			+ "address_1, city, state_province, postal_code, country";

	private final JdbcClient jdbc;

	LocationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts or updates; true when something changed. */
	public boolean save(Location l) {
		Location.Address a = l.address();
		String updates = Arrays.stream(DATA.split(", ")).map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
		return jdbc.sql("insert into location (id, " + DATA + ") values (:id, :" + DATA.replace(", ", ", :")
				+ ") on conflict (id) do update set " + updates + ", updated_at = now() where (location."
				+ DATA.replace(", ", ", location.") + ") is distinct from (excluded." + DATA.replace(", ", ", excluded.")
				+ ")")
			.param("id", l.id())
			.param("organization_id", l.organizationId())
			.param("location_type", l.locationType())
			.param("name", l.name())
			.param("latitude", l.latitude())
			.param("longitude", l.longitude())
			.param("transportation", l.transportation())
			.param("address_1", a == null ? null : a.address1())
			.param("city", a == null ? null : a.city())
			.param("state_province", a == null ? null : a.stateProvince())
			.param("postal_code", a == null ? null : a.postalCode())
			.param("country", a == null ? "US" : a.country())
			.update() > 0;
	}

	public Map<String, Location> findAllById(Collection<String> ids) {
		return jdbc.sql("select id, " + DATA + " from location where id = any(:ids)")
			.param("ids", ListingRepository.array(ids))
			.query(this::map)
			.list()
			.stream()
			.collect(Collectors.toMap(Location::id, Function.identity()));
	}

	/** The locations of these organizations, by organization, in id order. */
	public Map<String, List<Location>> findByOrganizations(Collection<String> organizationIds) {
		return jdbc.sql("select id, " + DATA + " from location where organization_id = any(:ids) order by id")
			.param("ids", ListingRepository.array(organizationIds))
			.query(this::map)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Location::organizationId, java.util.LinkedHashMap::new, Collectors.toList()));
	}

	/** Ids of the listings offered at a location, to reindex them when it moves or is renamed. */
	public List<String> listingIds(String locationId) {
		return jdbc.sql("select distinct service_id from service_at_location where location_id = :id order by 1")
			.param("id", locationId)
			.query(String.class)
			.list();
	}

	private Location map(ResultSet rs, int row) throws SQLException {
		String city = rs.getString("city");
		String zip = rs.getString("postal_code");
		Location.Address address = city == null && zip == null ? null : new Location.Address(rs.getString("address_1"), city,
				rs.getString("state_province"), zip, rs.getString("country"));
		return new Location(rs.getString("id"), rs.getString("organization_id"), rs.getString("location_type"),
				rs.getString("name"), rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
				rs.getString("transportation"), address);
	}

}
