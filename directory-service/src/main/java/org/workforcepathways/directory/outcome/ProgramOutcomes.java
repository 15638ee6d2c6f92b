package org.workforcepathways.directory.outcome;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.platform.Problems.FieldProblem;

/**
 * Program outcomes: validated, stored per listing, and imported in bulk from a CSV with the documented header
 * ({@link #HEADER}); every row is checked and reported, and a bad row never stops the rest.
 */
@Service
public class ProgramOutcomes {

	/** The CSV header, in this order (docs/outcomes.md). */
	public static final List<String> HEADER = List.of("service_id", "completion_rate", "employed_q2", "employed_q4",
			"median_earnings", "credential_rate", "cohort_size", "period_start", "period_end", "source", "source_url");

	private static final int MAX_ROWS = 50_000;

	private final JdbcClient jdbc;

	private final ListingRepository listings;

	ProgramOutcomes(JdbcClient jdbc, ListingRepository listings) {
		this.jdbc = jdbc;
		this.listings = listings;
	}

	/** One row of an import report. */
	public record Row(int row, @Nullable String serviceId, String outcome, List<String> problems) {

	}

	public Map<String, ProgramOutcome> find(Collection<String> serviceIds) {
		if (serviceIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from program_outcome where service_id = any(:ids)")
			.param("ids", serviceIds.toArray(String[]::new))
			.query((rs, n) -> new ProgramOutcome(rs.getString("service_id"), rs.getBigDecimal("completion_rate"),
					rs.getBigDecimal("employed_q2"), rs.getBigDecimal("employed_q4"), rs.getBigDecimal("median_earnings"),
					rs.getBigDecimal("credential_rate"), rs.getInt("cohort_size"), rs.getDate("period_start").toLocalDate(),
					rs.getDate("period_end").toLocalDate(), rs.getString("source"), rs.getString("source_url")))
			.list()
			.stream()
			.collect(Collectors.toMap(ProgramOutcome::serviceId, Function.identity()));
	}

	/** Every rule an outcome breaks, each naming its field as the JSON API does. */
	public List<FieldProblem> problems(ProgramOutcome o) {
		List<FieldProblem> p = new ArrayList<>();
		if (o.serviceId() == null || listings.findById(o.serviceId()).isEmpty()) {
			p.add(new FieldProblem("serviceId", "is not a listing in the directory"));
		}
		percent(p, "completionRate", o.completionRate());
		percent(p, "employedQ2", o.employedQ2());
		percent(p, "employedQ4", o.employedQ4());
		percent(p, "credentialRate", o.credentialRate());
		if (o.medianEarnings() != null && (o.medianEarnings().signum() < 0
				|| o.medianEarnings().compareTo(BigDecimal.valueOf(1_000_000)) > 0)) {
			p.add(new FieldProblem("medianEarnings", "must be between 0 and 1000000 dollars"));
		}
		if (o.cohortSize() == null || o.cohortSize() < 1 || o.cohortSize() > 100_000) {
			p.add(new FieldProblem("cohortSize", "is required: how many people the figures cover (1-100000)"));
		}
		if (o.periodStart() == null || o.periodEnd() == null) {
			p.add(new FieldProblem("periodStart", "and periodEnd are required (YYYY-MM-DD)"));
		}
		else if (o.periodEnd().isBefore(o.periodStart()) || o.periodEnd().isAfter(LocalDate.now())) {
			p.add(new FieldProblem("periodEnd", "must be on or after periodStart and not in the future"));
		}
		if (o.source() == null || o.source().isBlank() || o.source().length() > 200) {
			p.add(new FieldProblem("source", "is required: who reports these figures (at most 200 characters)"));
		}
		if (o.sourceUrl() != null) {
			try {
				URI uri = URI.create(o.sourceUrl());
				if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || o.sourceUrl().length() > 500) {
					p.add(new FieldProblem("sourceUrl", "must be an http or https address"));
				}
			}
			catch (IllegalArgumentException ex) {
				p.add(new FieldProblem("sourceUrl", "must be an http or https address"));
			}
		}
		return p;
	}

	public void save(ProgramOutcome o) {
		jdbc.sql("insert into program_outcome (service_id, completion_rate, employed_q2, employed_q4, median_earnings, "
				+ "credential_rate, cohort_size, period_start, period_end, source, source_url) values "
				+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (service_id) do update set "
				+ "completion_rate = excluded.completion_rate, employed_q2 = excluded.employed_q2, "
				+ "employed_q4 = excluded.employed_q4, median_earnings = excluded.median_earnings, "
				+ "credential_rate = excluded.credential_rate, cohort_size = excluded.cohort_size, "
				+ "period_start = excluded.period_start, period_end = excluded.period_end, source = excluded.source, "
				+ "source_url = excluded.source_url, updated_at = now()")
			.params(o.serviceId(), o.completionRate(), o.employedQ2(), o.employedQ4(), o.medianEarnings(),
					o.credentialRate(), o.cohortSize(), o.periodStart(), o.periodEnd(), o.source(), o.sourceUrl())
			.update();
	}

	/**
	 * Imports a CSV with the documented header; returns one report row per data row.
	 *
	 * @throws IllegalArgumentException when the header is not the documented one or the file is not CSV
	 */
	public List<Row> importCsv(InputStream csv) throws IOException {
		return importCsv(csv, false);
	}

	/** @param onlyMissing skip programs that have figures already (sample data loaded at every start) */
	public List<Row> importCsv(InputStream csv, boolean onlyMissing) throws IOException {
		CsvMapper mapper = new CsvMapper();
		List<Row> report = new ArrayList<>();
		try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(csv)) {
			CsvSchema header = (CsvSchema) rows.parser().getSchema();
			List<String> columns = new ArrayList<>();
			header.forEach(c -> columns.add(c.getName()));
			if (!columns.equals(HEADER)) {
				throw new IllegalArgumentException("the header must be " + String.join(",", HEADER));
			}
			int n = 1;
			while (rows.hasNext()) {
				n++;
				if (report.size() >= MAX_ROWS) {
					throw new IllegalArgumentException("at most " + MAX_ROWS + " rows per file");
				}
				Map<String, String> cells;
				try {
					cells = rows.next();
				}
				catch (RuntimeException ex) {
					report.add(new Row(n, null, "rejected", List.of("not a CSV row of this header: "
							+ (ex instanceof tools.jackson.core.JacksonException j ? j.getOriginalMessage() : ex.getMessage()))));
					continue;
				}
				if (onlyMissing && !find(List.of(String.valueOf(cells.get("service_id")))).isEmpty()) {
					report.add(new Row(n, cells.get("service_id"), "kept", List.of()));
					continue;
				}
				report.add(importRow(n, cells));
			}
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalArgumentException("not CSV: " + ex.getOriginalMessage());
		}
		return report;
	}

	private Row importRow(int n, Map<String, String> cells) {
		List<String> problems = new ArrayList<>();
		ProgramOutcome o = new ProgramOutcome(blank(cells.get("service_id")),
				decimal(cells, "completion_rate", problems), decimal(cells, "employed_q2", problems),
				decimal(cells, "employed_q4", problems), decimal(cells, "median_earnings", problems),
				decimal(cells, "credential_rate", problems), integer(cells, "cohort_size", problems),
				date(cells, "period_start", problems), date(cells, "period_end", problems), blank(cells.get("source")),
				blank(cells.get("source_url")));
		if (problems.isEmpty()) {
			// the CSV names its columns in snake case
			problems(o).forEach(p -> problems.add(p.field().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)
					+ ": " + p.message()));
		}
		if (!problems.isEmpty()) {
			return new Row(n, o.serviceId(), "rejected", problems);
		}
		save(o);
		return new Row(n, o.serviceId(), "saved", List.of());
	}

	private static void percent(List<FieldProblem> p, String field, @Nullable BigDecimal v) {
		if (v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
			p.add(new FieldProblem(field, "must be a percent between 0 and 100"));
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable BigDecimal decimal(Map<String, String> cells, String field, List<String> problems) {
		String v = blank(cells.get(field));
		try {
			return v == null ? null : new BigDecimal(v);
		}
		catch (NumberFormatException ex) {
			problems.add(field + ": must be a number");
			return null;
		}
	}

	private static @Nullable Integer integer(Map<String, String> cells, String field, List<String> problems) {
		String v = blank(cells.get(field));
		try {
			return v == null ? null : Integer.valueOf(v);
		}
		catch (NumberFormatException ex) {
			problems.add(field + ": must be a whole number");
			return null;
		}
	}

	private static @Nullable LocalDate date(Map<String, String> cells, String field, List<String> problems) {
		String v = blank(cells.get(field));
		try {
			return v == null ? null : LocalDate.parse(v);
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.add(field + ": must be a date like 2025-06-30");
			return null;
		}
	}

}
