package org.workforcepathways.directory.listing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings in the directory's PostgreSQL database, the system of record: the {@code listing} row (HSDS service and
 * its workforce extension) with its service_at_location, phone and schedule rows.
 */
@Repository
public class ListingRepository {

	private static final String COLUMNS = "id, kind, title, organization_id, description, categories, languages, url, "
			+ "email, status, eligibility, free, cost, schedule, credential, occupations, next_start, duration_weeks, "
			+ "seats_total, seats_open, paid, supports, min_age, max_age, residency, income_max_percent, income_measure, "
			+ "justice_involved_welcome, sample, updated_at, version";

	// the columns a save writes
	private static final List<String> DATA = Arrays.stream(COLUMNS.split(", "))
		.filter(c -> !List.of("id", "updated_at", "version").contains(c))
		.toList();

	private static final String UPSERT = "insert into listing (id, " + String.join(", ", DATA) + ") values (:id, :"
			+ String.join(", :", DATA) + ") on conflict (id) do update set "
			+ DATA.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
			+ ", updated_at = now(), verified_at = now(), version = listing.version + 1";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	ListingRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/**
	 * What a save did.
	 *
	 * @param before the listing as it was, absent when it is new
	 * @param version its version now
	 */
	public record Saved(boolean changed, @Nullable Listing before, long version) {

		public boolean created() {
			return changed && before == null;
		}

	}

	/**
	 * Inserts or replaces a listing with its locations, phones and schedules. Unchanged data neither bumps the
	 * version nor gets reindexed.
	 */
	@Transactional
	public Saved save(Listing l) {
		return saveAll(List.of(l)).getFirst();
	}

	/**
	 * Saves listings as {@link #save} does, in a few statements for all of them (an import writes hundreds at a time).
	 *
	 * @return what saving each did, in the same order
	 */
	@Transactional
	public List<Saved> saveAll(List<Listing> batch) {
		if (batch.stream().map(Listing::id).distinct().count() < batch.size()) {
			// the same listing twice: the second save compares with the first, so they go one after the other
			return batch.stream().map(l -> saveAll(List.of(l)).getFirst()).toList();
		}
		Map<String, Listing> current = new java.util.HashMap<>();
		findAllById(batch.stream().map(Listing::id).toList()).forEach(c -> current.put(c.id(), c));
		List<Saved> saved = new ArrayList<>(batch.size());
		List<Listing> changed = new ArrayList<>();
		for (Listing l : batch) {
			Listing before = current.get(l.id());
			if (before != null && before.content().equals(l.content())) {
				saved.add(new Saved(false, before, before.version()));
			}
			else {
				changed.add(l);
				saved.add(new Saved(true, before, before == null ? 0L : before.version() + 1));
			}
		}
		if (!changed.isEmpty()) {
			named.batchUpdate(UPSERT, changed.stream().map(ListingRepository::row).toArray(MapSqlParameterSource[]::new));
			replaceChildren(changed);
		}
		return saved;
	}

	private static MapSqlParameterSource row(Listing l) {
		Workforce w = l.workforce();
		Workforce.Eligibility e = w.eligibility();
		return new MapSqlParameterSource().addValue("id", l.id())
			.addValue("kind", l.kind().code())
			.addValue("title", l.title())
			.addValue("organization_id", l.organizationId(), Types.VARCHAR)
			.addValue("description", l.description())
			.addValue("categories", array(l.categories()))
			.addValue("languages", array(l.languages()))
			.addValue("url", l.url(), Types.VARCHAR)
			.addValue("email", l.email(), Types.VARCHAR)
			.addValue("status", l.status())
			.addValue("eligibility", l.eligibilityDescription(), Types.VARCHAR)
			.addValue("free", w.free())
			.addValue("cost", w.cost(), Types.NUMERIC)
			.addValue("schedule", array(w.schedule()))
			.addValue("credential", w.credential(), Types.VARCHAR)
			.addValue("occupations", array(w.occupations()))
			.addValue("next_start", w.nextStart(), Types.DATE)
			.addValue("duration_weeks", w.durationWeeks(), Types.INTEGER)
			.addValue("seats_total", w.seatsTotal(), Types.INTEGER)
			.addValue("seats_open", w.seatsOpen(), Types.INTEGER)
			.addValue("paid", w.paid())
			.addValue("supports", array(w.supports()))
			.addValue("min_age", e.minAge(), Types.INTEGER)
			.addValue("max_age", e.maxAge(), Types.INTEGER)
			.addValue("residency", array(e.residency()))
			.addValue("income_max_percent", e.incomeMaxPercent(), Types.INTEGER)
			.addValue("income_measure", e.incomeMeasure(), Types.VARCHAR)
			.addValue("justice_involved_welcome", e.justiceInvolvedWelcome())
			.addValue("sample", l.sample());
	}

	private void replaceChildren(List<Listing> changed) {
		String[] ids = changed.stream().map(Listing::id).toArray(String[]::new);
		for (String table : List.of("service_at_location", "phone", "schedule")) {
			jdbc.sql("delete from " + table + " where service_id = any(:ids)").param("ids", ids).update();
		}
		List<Object[]> sites = new ArrayList<>();
		List<Object[]> phones = new ArrayList<>();
		List<Object[]> schedules = new ArrayList<>();
		for (Listing l : changed) {
			int position = 0;
			for (ServiceAtLocation s : l.locations()) {
				sites.add(new Object[] { s.id(), l.id(), s.locationId(), position++ });
			}
			position = 0;
			for (Phone p : l.phones()) {
				position++;
				phones.add(new Object[] { l.id() + "-phone-" + position, l.id(), position, p.number(), p.type(),
						p.description(), array(p.languages()) });
			}
			position = 0;
			for (Schedule s : l.schedules()) {
				position++;
				schedules.add(new Object[] { l.id() + "-schedule-" + position, l.id(), position, s.freq(), s.byday(),
						s.opensAt(), s.closesAt(), s.dtstart(), s.until(), s.description() });
			}
		}
		batch("insert into service_at_location (id, service_id, location_id, position) values (?, ?, ?, ?)", sites,
				Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER);
		batch("insert into phone (id, service_id, position, number, type, description, languages) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", phones, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
				Types.VARCHAR, Types.VARCHAR, SqlTypeValue.TYPE_UNKNOWN);
		batch("insert into schedule (id, service_id, position, freq, byday, opens_at, closes_at, dtstart, until, "
				+ "description) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", schedules, Types.VARCHAR, Types.VARCHAR,
				Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.TIME, Types.TIME, Types.DATE, Types.DATE,
				Types.VARCHAR);
	}

	/** One JDBC batch; the types are given so that nulls need no round trip to ask the database for them. */
	private void batch(String sql, List<Object[]> rows, int... types) {
		if (!rows.isEmpty()) {
			named.getJdbcOperations().batchUpdate(sql, rows, types);
		}
	}

	public Optional<Listing> findById(String id) {
		return findAllById(List.of(id)).stream().findFirst();
	}

	/**
	 * Serializes creations of the same id until the transaction ends, so two "add" requests for one new id cannot
	 * both find it free.
	 */
	public void lockId(String id) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:id))").param("id", id).query(Object.class).single();
	}

	/** Which of these ids the directory holds. */
	public List<String> existing(List<String> ids) {
		return jdbc.sql("select id from listing where id = any(:ids)").param("ids", array(ids)).query(String.class).list();
	}

	/** Locks a listing's row for the rest of the transaction and returns its version, so edits go one at a time. */
	public Optional<Long> lockVersion(String id) {
		return jdbc.sql("select version from listing where id = :id for update").param("id", id).query(Long.class).optional();
	}

	/** The listing a service_at_location id belongs to, for links that carry a search result's id. */
	public Optional<String> serviceIdOf(String serviceAtLocationId) {
		return jdbc.sql("select service_id from service_at_location where id = :id")
			.param("id", serviceAtLocationId)
			.query(String.class)
			.optional();
	}

	public List<Listing> findAllById(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withChildren(jdbc.sql("select " + COLUMNS + " from listing where id = any(:ids) order by id")
			.param("ids", array(ids))
			.query(this::map)
			.list());
	}

	/** A page in id order, for rebuilding the search projection without holding every listing at once. */
	public List<Listing> findPage(@Nullable String afterId, int size) {
		return withChildren(jdbc.sql("select " + COLUMNS + " from listing where id > :after order by id limit :size")
			.param("after", afterId == null ? "" : afterId)
			.param("size", size)
			.query(this::map)
			.list());
	}

	/** Listings changed at or after {@code since}, to catch up an index built while they changed. */
	public List<String> findIdsUpdatedSince(java.time.Instant since) {
		return jdbc.sql("select id from listing where updated_at >= :since order by id")
			.param("since", java.sql.Timestamp.from(since))
			.query(String.class)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from listing").query(Long.class).single();
	}

	/** How many search results the active listings make: one per location, one for a listing with none. */
	public long countSearchUnits() {
		return jdbc.sql("select coalesce(sum(greatest(1, (select count(*) from service_at_location s "
				+ "where s.service_id = l.id))), 0) from listing l where l.status = 'active'")
			.query(Long.class)
			.single();
	}

	private List<Listing> withChildren(List<Listing> listings) {
		if (listings.isEmpty()) {
			return listings;
		}
		String[] ids = listings.stream().map(Listing::id).toArray(String[]::new);
		Map<String, List<ServiceAtLocation>> sites = group(jdbc
			.sql("select service_id, id, location_id from service_at_location where service_id = any(:ids) "
					+ "order by service_id, position")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getString(1), new ServiceAtLocation(rs.getString(2), rs.getString(3), null)))
			.list());
		Map<String, List<Phone>> phones = group(jdbc
			.sql("select service_id, number, type, description, languages from phone where service_id = any(:ids) "
					+ "order by service_id, position")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getString(1),
					new Phone(rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)))))
			.list());
		Map<String, List<Schedule>> schedules = group(jdbc
			.sql("select service_id, freq, byday, opens_at, closes_at, dtstart, until, description from schedule "
					+ "where service_id = any(:ids) order by service_id, position")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getString(1),
					new Schedule(rs.getString(2), rs.getString(3), rs.getObject(4, LocalTime.class),
							rs.getObject(5, LocalTime.class), rs.getObject(6, LocalDate.class),
							rs.getObject(7, LocalDate.class), rs.getString(8))))
			.list());
		return listings.stream()
			.map(l -> new Listing(l.id(), l.kind(), l.title(), l.organizationId(), l.description(), l.categories(),
					l.languages(), l.url(), l.email(), l.status(), l.eligibilityDescription(),
					sites.getOrDefault(l.id(), List.of()), phones.getOrDefault(l.id(), List.of()),
					schedules.getOrDefault(l.id(), List.of()), l.workforce(), l.sample(), l.updatedAt(), l.version()))
			.toList();
	}

	private static <T> Map<String, List<T>> group(List<Map.Entry<String, T>> rows) {
		Map<String, List<T>> grouped = new LinkedHashMap<>();
		rows.forEach(r -> grouped.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue()));
		return grouped;
	}

	private Listing map(ResultSet rs, int row) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		var eligibility = new Workforce.Eligibility(rs.getObject("min_age", Integer.class),
				rs.getObject("max_age", Integer.class), strings(rs.getArray("residency")),
				rs.getObject("income_max_percent", Integer.class), rs.getString("income_measure"),
				rs.getBoolean("justice_involved_welcome"));
		var workforce = new Workforce(rs.getBoolean("free"), rs.getBigDecimal("cost"), strings(rs.getArray("schedule")),
				rs.getString("credential"), strings(rs.getArray("occupations")),
				rs.getObject("next_start", LocalDate.class), rs.getObject("duration_weeks", Integer.class),
				rs.getObject("seats_total", Integer.class), rs.getObject("seats_open", Integer.class),
				rs.getBoolean("paid"), strings(rs.getArray("supports")), eligibility);
		return new Listing(rs.getString("id"), ListingKind.fromCode(rs.getString("kind")), rs.getString("title"),
				rs.getString("organization_id"), rs.getString("description"), strings(rs.getArray("categories")),
				strings(rs.getArray("languages")), rs.getString("url"), rs.getString("email"), rs.getString("status"),
				rs.getString("eligibility"), List.of(), List.of(), List.of(), workforce, rs.getBoolean("sample"),
				updated == null ? null : updated.toInstant(), rs.getLong("version"));
	}

	static String[] array(Collection<String> values) {
		return values.toArray(String[]::new);
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
