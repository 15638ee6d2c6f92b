package org.workforcepathways.directory.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.core.io.ClassPathResource;

import org.workforcepathways.directory.hsds.HsdsTabularModel.Column;
import org.workforcepathways.directory.hsds.HsdsTabularModel.Kind;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Converts between the two forms of Open Referral HSDS 3.0 data: the tabular form (a zip of CSV files, one per object
 * type, described by {@code hsds/datapackage.json}) and the nested form (service and organization documents as in
 * {@code service_full.json} and {@code organization_full.json}). The nesting is read from the compiled service schema
 * and the links from the data package's foreign keys, so no table is coded by hand. Stateless after construction and
 * safe to share.
 */
public final class HsdsTabular {

	/** Default cap on zip entries read. */
	public static final int MAX_ENTRIES = 100;

	/** Default cap on bytes a zip may expand to (zip bombs). */
	public static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;

	private static final String DATAPACKAGE = "datapackage.json";

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	/** Frictionless' default true and false values. */
	private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "1");

	private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "0");

	/** RFC 4180 ends records with CRLF. */
	private static final CsvSchema CSV = CsvSchema.emptySchema().withLineSeparator("\r\n");

	private final JsonMapper json = new JsonMapper();

	private final CsvMapper csv = new CsvMapper();

	private final byte[] datapackage;

	private final HsdsTabularModel model;

	private final int maxEntries;

	private final long maxBytes;

	/**
	 * Rows of the tabular form.
	 *
	 * @param rows by CSV file name ({@code services.csv}); each row typed per the data package, an empty cell absent
	 */
	public record Tables(Map<String, List<ObjectNode>> rows) {

		public Tables {
			Map<String, List<ObjectNode>> copy = new LinkedHashMap<>();
			rows.forEach((file, list) -> copy.put(file, List.copyOf(list)));
			rows = Collections.unmodifiableMap(copy);
		}

		/** The rows of one file; none when the file is absent. */
		public List<ObjectNode> table(String file) {
			return rows.getOrDefault(file, List.of());
		}

	}

	/** Loads the data package and the compiled service schema from the classpath, with the default zip caps. */
	public HsdsTabular() {
		this(MAX_ENTRIES, MAX_UNCOMPRESSED_BYTES);
	}

	/** With other zip caps (tests, or a deployment with larger inventories). */
	public HsdsTabular(int maxEntries, long maxUncompressedBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxUncompressedBytes;
		this.datapackage = classpath("hsds/" + DATAPACKAGE);
		this.model = HsdsTabularModel.of(json.readTree(datapackage),
				json.readTree(classpath("hsds/schema/compiled/service_with_definitions.json")));
	}

	/**
	 * Reads every HSDS CSV of a zip, in any folder of it; directories and other files (datapackage.json, a README) are
	 * skipped. A cell that does not fit its column's type stays a string, for schema validation to report per record.
	 * Does not close {@code zip}.
	 *
	 * @throws IllegalArgumentException for an unknown CSV file or column, an entry name with {@code ..} or an absolute
	 * one, more entries or more bytes than the caps, or a file that is no CSV
	 */
	public Tables readZip(InputStream zip) throws IOException {
		Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
		int entries = 0;
		long bytes = 0;
		try (ZipInputStream in = new ZipInputStream(new KeepOpenInput(zip), UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (++entries > maxEntries) {
					throw new IllegalArgumentException("The zip has more than " + maxEntries + " entries");
				}
				String name = checkedName(entry.getName());
				String file = name.substring(name.lastIndexOf('/') + 1);
				boolean csvFile = !entry.isDirectory() && file.toLowerCase(Locale.ROOT).endsWith(".csv");
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				bytes += copy(in, maxBytes - bytes, csvFile ? content : OutputStream.nullOutputStream());
				if (csvFile) {
					readTable(name, file, content.toByteArray(), tables);
				}
			}
		}
		if (entries == 0) {
			throw new IllegalArgumentException("Not a zip, or an empty one");
		}
		return new Tables(tables);
	}

	/** Nested service documents, in services.csv order. */
	public List<ObjectNode> services(Tables tables) {
		return new HsdsTabularNesting(model, tables).documents(HsdsTabularModel.SERVICE);
	}

	/** Nested organization documents with their services, in organizations.csv order. */
	public List<ObjectNode> organizations(Tables tables) {
		return new HsdsTabularNesting(model, tables).documents(HsdsTabularModel.ORGANIZATION);
	}

	/**
	 * The tables holding the documents: every nested object becomes a row of its table with the column linking it to
	 * its parent filled; one id met under several parents becomes one row with all those links. Every data package
	 * table is present, empty ones included.
	 *
	 * @throws IllegalArgumentException for a property that is no HSDS property, an object without id, or an object
	 * whose appearances disagree on a column (a phone under two different services)
	 */
	public Tables flatten(List<? extends JsonNode> services, List<? extends JsonNode> organizations) {
		HsdsTabularFlattening flattening = new HsdsTabularFlattening(model);
		for (int i = 0; i < services.size(); i++) {
			flattening.add(HsdsTabularModel.SERVICE, services.get(i), "services[" + i + "]");
		}
		for (int i = 0; i < organizations.size(); i++) {
			flattening.add(HsdsTabularModel.ORGANIZATION, organizations.get(i), "organizations[" + i + "]");
		}
		return flattening.tables();
	}

	/**
	 * Writes one CSV per data package table, in data package order, each with its header even when empty, then the data
	 * package itself. Does not close {@code out}.
	 *
	 * @throws IllegalArgumentException for a file or column the data package does not know
	 */
	public void writeZip(Tables tables, OutputStream out) throws IOException {
		requireKnown(tables);
		try (ZipOutputStream zip = new ZipOutputStream(new KeepOpenOutput(out), UTF_8)) {
			for (Kind kind : model.kinds().values()) {
				entry(zip, kind.file(), csv(kind, tables.table(kind.file())));
			}
			entry(zip, DATAPACKAGE, datapackage);
		}
	}

	private void readTable(String name, String file, byte[] content, Map<String, List<ObjectNode>> tables) {
		Kind kind = model.byFile().get(file);
		if (kind == null) {
			throw new IllegalArgumentException(
					"Unknown HSDS table " + name + "; the tables are " + model.byFile().keySet());
		}
		if (tables.containsKey(file)) {
			throw new IllegalArgumentException("The zip holds " + file + " twice");
		}
		tables.put(file, rows(kind, content));
	}

	private List<ObjectNode> rows(Kind kind, byte[] content) {
		try (MappingIterator<List<String>> records = csv.readerForListOf(String.class)
			.with(CsvReadFeature.WRAP_AS_ARRAY)
			.with(CsvReadFeature.SKIP_EMPTY_LINES)
			.readValues(new InputStreamReader(new ByteArrayInputStream(content), UTF_8))) {
			if (!records.hasNext()) {
				return List.of();
			}
			List<Column> header = header(kind, records.next());
			List<ObjectNode> rows = new ArrayList<>();
			while (records.hasNext()) {
				rows.add(row(kind, header, records.next(), rows.size() + 1));
			}
			return rows;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(kind.file() + " is not readable CSV: " + ex.getOriginalMessage(), ex);
		}
	}

	private static List<Column> header(Kind kind, List<String> names) {
		List<Column> header = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			// spreadsheets often start a UTF-8 file with a byte order mark
			String name = i == 0 ? names.get(i).replaceFirst("^\uFEFF", "") : names.get(i);
			Column column = kind.columns().get(name);
			if (column == null) {
				throw new IllegalArgumentException("Unknown column '" + name + "' in " + kind.file() + "; its columns are "
						+ kind.columns().keySet());
			}
			if (header.contains(column)) {
				throw new IllegalArgumentException("Column '" + name + "' appears twice in " + kind.file());
			}
			header.add(column);
		}
		return header;
	}

	private ObjectNode row(Kind kind, List<Column> header, List<String> cells, int number) {
		if (cells.size() > header.size()) {
			throw new IllegalArgumentException(kind.file() + " record " + number + " has " + cells.size()
					+ " cells but the header " + header.size());
		}
		ObjectNode row = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < cells.size(); i++) {
			if (!cells.get(i).isEmpty()) {
				row.set(header.get(i).name(), typed(header.get(i), cells.get(i)));
			}
		}
		return row;
	}

	/** A cell as its column's type; one that does not fit stays a string, for validation to report. */
	private JsonNode typed(Column column, String cell) {
		JsonNode text = JsonNodeFactory.instance.stringNode(cell);
		return switch (column.type()) {
			case "integer" -> INTEGER.matcher(cell).matches() ? json.readTree(cell) : text;
			case "number" -> NUMBER.matcher(cell).matches() ? json.readTree(cell) : text;
			case "boolean" -> TRUE.contains(cell) ? BooleanNode.TRUE : FALSE.contains(cell) ? BooleanNode.FALSE : text;
			case "array", "object" -> parsed(cell, column.type()).orElse(text);
			default -> text;
		};
	}

	private Optional<JsonNode> parsed(String cell, String type) {
		try {
			JsonNode node = json.readTree(cell);
			return node.isArray() == type.equals("array") && node.isContainer() ? Optional.of(node)
					: Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private void requireKnown(Tables tables) {
		for (Map.Entry<String, List<ObjectNode>> table : tables.rows().entrySet()) {
			Kind kind = model.byFile().get(table.getKey());
			if (kind == null) {
				throw new IllegalArgumentException("Unknown HSDS table " + table.getKey());
			}
			for (ObjectNode row : table.getValue()) {
				for (String name : row.propertyNames()) {
					if (!kind.columns().containsKey(name)) {
						throw new IllegalArgumentException("Unknown column '" + name + "' in " + table.getKey());
					}
				}
			}
		}
	}

	private byte[] csv(Kind kind, List<ObjectNode> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (var writer = csv.writerFor(String[].class).with(CSV).writeValues(bytes)) {
			writer.write(kind.columns().keySet().toArray(String[]::new));
			for (ObjectNode row : rows) {
				writer.write(kind.columns().keySet().stream().map(name -> cell(row.get(name))).toArray(String[]::new));
			}
		}
		return bytes.toByteArray();
	}

	private String cell(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : json.writeValueAsString(value);
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	/** Refuses names that could land outside a folder they are extracted to. */
	private static String checkedName(String name) {
		String slashed = name.replace('\\', '/');
		if (slashed.contains("..") || slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
			throw new IllegalArgumentException("Zip entry name '" + name + "' is absolute or contains '..'");
		}
		return slashed;
	}

	/** Copies one entry within what is left of the byte cap; skipped entries count too. Returns its size. */
	private long copy(InputStream in, long budget, OutputStream sink) throws IOException {
		byte[] buffer = new byte[8192];
		long total = 0;
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			total += n;
			if (total > budget) {
				throw new IllegalArgumentException("The zip expands to more than " + maxBytes + " bytes");
			}
			sink.write(buffer, 0, n);
		}
		return total;
	}

	private static byte[] classpath(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The caller's stream stays open when the zip reader closes. */
	private static final class KeepOpenInput extends FilterInputStream {

		KeepOpenInput(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

	/** The caller's stream stays open when the zip writer finishes; its close only flushes. */
	private static final class KeepOpenOutput extends FilterOutputStream {

		KeepOpenOutput(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
