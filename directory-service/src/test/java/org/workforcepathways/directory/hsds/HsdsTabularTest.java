package org.workforcepathways.directory.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.workforcepathways.directory.hsds.HsdsTabular.Tables;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Checks the conversion against Open Referral's own HSDS 3.0 examples ({@code src/test/resources/hsds/examples}): the
 * same data as CSV files ({@code csv/}), as typed rows ({@code tabular.json}) and as nested documents
 * ({@code service_full.json}, {@code organization_full.json}).
 */
class HsdsTabularTest {

	private static final String EXAMPLES = "/hsds/examples/";

	private static final String SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b";

	private static final String ORGANIZATION_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";

	private static final String SERVICE_AT_LOCATION_ID = "e94c9f38-1e8f-4564-91d4-d53501ab1765";

	private static final String TAXONOMY_ID = "5c4d79d7-cc55-470e-9f1f-8cad074e4892";

	/**
	 * Where the official examples disagree with each other. The CSV files (and tabular.json, the same rows) point these
	 * links at ids that exist nowhere in the example, while service_full.json and organization_full.json nest the row
	 * under the object the link should have named. We follow the nested documents and repair exactly these cells,
	 * checking first that each still holds its official value; every other cell is compared strictly.
	 * <ul>
	 * <li>locations.organization_id: nested under organization.locations
	 * <li>contacts.organization_id: nested under organization.contacts
	 * <li>contacts.service_at_location_id: nested under service_at_locations[0].contacts
	 * <li>attributes.link_id: nested under the service's attributes
	 * <li>metadata.resource_id: nested under the service's metadata (its resource_type says "location"; the nested
	 * example keeps that value too, so it stays)
	 * <li>taxonomy_terms.taxonomy_id: taxonomies.csv's only taxonomy is the term's taxonomy_detail
	 * <li>organizations.tax_id: "tax_id" in the CSV, absent from both nested organizations
	 * </ul>
	 */
	private static final List<Repair> REPAIRS = List.of(
			new Repair("locations.csv", "organization_id", "985e4a42-bd9f-4edc-911d-0243a4640aca", ORGANIZATION_ID),
			new Repair("contacts.csv", "organization_id", "ae67a707-5893-4225-b0b1-320ab9cb596b", ORGANIZATION_ID),
			new Repair("contacts.csv", "service_at_location_id", "93eaf18d-1cd2-4ec7-bffb-3c9172ee5070",
					SERVICE_AT_LOCATION_ID),
			new Repair("attributes.csv", "link_id", "f28dd44b-0c4d-479f-8e90-4c52219a8b3c", SERVICE_ID),
			new Repair("metadata.csv", "resource_id", "38960354-e7d2-4cfa-a368-820f729d6ccf", SERVICE_ID),
			new Repair("taxonomy_terms.csv", "taxonomy_id", "07ff6aee-a219-438c-b694-d2fcb6c5373b", TAXONOMY_ID),
			new Repair("organizations.csv", "tax_id", "tax_id", null));

	/** meta_table_descriptions has no place in any nested document, so flattening cannot produce its row. */
	private static final String NOT_NESTED = "meta_table_descriptions.csv";

	private final JsonMapper json = new JsonMapper();

	private final HsdsTabular hsds = new HsdsTabular();

	/** One cell of an official CSV replaced; {@code repaired} null removes it. */
	private record Repair(String file, String column, String official, @Nullable String repaired) {

	}

	@Test
	void readsTheOfficialCsvTypedAsTabularJsonExceptTwoNumbersTheDataPackageCallsStrings() throws IOException {
		ObjectNode expected = example("tabular.json");
		// tabular.json writes these two as JSON numbers; the data package types both columns string, and the nested
		// examples show strings ("10092008082", "1234567")
		stringify(expected, "locations.csv", "external_identifier");
		stringify(expected, "organization_identifiers.csv", "identifier");

		Tables tables = officialTables();

		assertThat(tables.rows().keySet()).containsExactlyInAnyOrderElementsOf(expected.propertyNames());
		expected.properties()
			.forEach(table -> assertThat(List.<JsonNode>copyOf(tables.table(table.getKey()))).as(table.getKey())
				.containsExactlyElementsOf(table.getValue().values()));
	}

	@Test
	void nestsTheOfficialCsvIntoServiceFull() throws IOException {
		assertThat(hsds.services(repaired(officialTables()))).containsExactly(example("service_full.json"));
	}

	@Test
	void nestsTheOfficialCsvIntoOrganizationFull() throws IOException {
		assertThat(hsds.organizations(repaired(officialTables()))).containsExactly(example("organization_full.json"));
	}

	/** Without the repairs, exactly what the dangling links name is missing and the CSV-only tax_id shows. */
	@Test
	void theUnrepairedOfficialCsvDiffersFromServiceFullOnlyWhereTheLinksDangle() throws IOException {
		ObjectNode expected = example("service_full.json");
		expected.remove(List.of("attributes", "metadata"));
		((ObjectNode) expected.get("service_at_locations").get(0)).remove("contacts");
		ObjectNode organization = (ObjectNode) expected.get("organization");
		organization.remove(List.of("contacts", "locations"));
		organization.put("tax_id", "tax_id");

		assertThat(hsds.services(officialTables())).containsExactly(expected);
	}

	@Test
	void flattensServiceFullAndOrganizationFullIntoTheOfficialRows() throws IOException {
		Tables expected = repaired(officialTables());

		Tables flat = hsds.flatten(List.of(example("service_full.json")), List.of(example("organization_full.json")));

		assertThat(flat.rows().keySet()).containsExactlyInAnyOrderElementsOf(expected.rows().keySet());
		expected.rows()
			.keySet()
			.stream()
			.filter(file -> !file.equals(NOT_NESTED))
			.forEach(file -> assertThat(flat.table(file)).as(file)
				.containsExactlyInAnyOrderElementsOf(expected.table(file)));
		assertThat(flat.table(NOT_NESTED)).isEmpty();
		// the phone under the service, its location, contact, service at location and organization is one row
		assertThat(flat.table("phones.csv")).singleElement()
			.satisfies(phone -> assertThat(phone.propertyNames()).contains("service_id", "location_id", "contact_id",
					"service_at_location_id", "organization_id"));
	}

	@Test
	void roundTripsServiceFullAndOrganizationFullThroughAZip() throws IOException {
		ObjectNode service = example("service_full.json");
		ObjectNode organization = example("organization_full.json");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		hsds.writeZip(hsds.flatten(List.of(service), List.of(organization)), zip);

		Tables read = hsds.readZip(new ByteArrayInputStream(zip.toByteArray()));

		assertThat(hsds.services(read)).containsExactly(service);
		assertThat(hsds.organizations(read)).containsExactly(organization);
	}

	@Test
	void writesEveryTableWithItsHeaderInDataPackageOrderAndLeavesTheStreamOpen() throws IOException {
		Tables flat = hsds.flatten(List.of(example("service_full.json")), List.of());
		ClosingWatch out = new ClosingWatch();

		hsds.writeZip(flat, out);

		Map<String, String> entries = unzip(out.toByteArray());
		JsonNode datapackage = json.readTree(resource("/hsds/datapackage.json"));
		List<String> files = new ArrayList<>();
		datapackage.get("resources").forEach(r -> files.add(r.get("path").asString()));
		files.add("datapackage.json");
		assertThat(out.closed).isFalse();
		assertThat(entries.keySet()).containsExactlyElementsOf(files);
		assertThat(json.readTree(entries.get("datapackage.json"))).isEqualTo(datapackage);
		assertThat(entries.get(NOT_NESTED)).isEqualTo("id,name,language,character_set\r\n");
		// RFC 4180: quotes doubled inside a quoted cell, cells with commas quoted, CRLF after each record
		assertThat(entries.get("phones.csv"))
			.startsWith("id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,"
					+ "extension,type,description\r\n")
			.contains(",\"\"\"+44 1234 234567\"\"\",100,voice,")
			.endsWith("\r\n");
		assertThat(entries.get("schedules.csv")).contains(",\"TH,FR\",");
	}

	@Test
	void refusesAnUnknownColumnNamingTableAndColumn() {
		byte[] zip = zip(Map.of("services.csv", "id,name,colour\r\n1,A,red\r\n"));

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.readZip(new ByteArrayInputStream(zip)))
			.withMessageContaining("colour")
			.withMessageContaining("services.csv");
	}

	@Test
	void refusesAnUnknownCsvFile() {
		byte[] zip = zip(Map.of("service.csv", "id,name\r\n1,A\r\n"));

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.readZip(new ByteArrayInputStream(zip)))
			.withMessageContaining("service.csv");
	}

	@Test
	void refusesSomethingThatIsNoZip() {
		byte[] csv = "id,name\r\n1,A\r\n".getBytes(UTF_8);

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.readZip(new ByteArrayInputStream(csv)))
			.withMessageContaining("Not a zip");
	}

	@Test
	void refusesEntryNamesThatClimbOutOrAreAbsolute() {
		for (String name : List.of("../services.csv", "export/../../services.csv", "/services.csv",
				"C:\\services.csv")) {
			byte[] zip = zip(Map.of(name, "id,name\r\n1,A\r\n"));

			assertThatIllegalArgumentException().as(name)
				.isThrownBy(() -> hsds.readZip(new ByteArrayInputStream(zip)))
				.withMessageContaining(name);
		}
	}

	@Test
	void refusesMoreEntriesThanTheCap() {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i <= HsdsTabular.MAX_ENTRIES; i++) {
			entries.put("notes/" + i + ".txt", "");
		}
		byte[] zip = zip(entries);

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.readZip(new ByteArrayInputStream(zip)))
			.withMessageContaining("more than " + HsdsTabular.MAX_ENTRIES + " entries");
	}

	@Test
	void refusesAZipExpandingBeyondTheByteCapSkippedFilesIncluded() {
		HsdsTabular small = new HsdsTabular(10, 1_000);
		byte[] zip = zip(Map.of("README.txt", "x".repeat(600), "services.csv", "id,name\r\n1," + "A".repeat(500)));

		assertThatIllegalArgumentException().isThrownBy(() -> small.readZip(new ByteArrayInputStream(zip)))
			.withMessageContaining("more than 1000 bytes");
	}

	@Test
	void keepsACellThatDoesNotFitItsNumberColumnAsAString() throws IOException {
		byte[] zip = zip(Map.of("services.csv", "id,name,minimum_age,maximum_age,status\r\n1,A,abc,65,\r\n",
				"phones.csv", "id,number,extension\r\n2,555,007\r\n"));

		Tables tables = hsds.readZip(new ByteArrayInputStream(zip));

		ObjectNode service = tables.table("services.csv").get(0);
		assertThat(service.get("minimum_age")).isEqualTo(StringNode.valueOf("abc"));
		assertThat(service.get("maximum_age")).isEqualTo(IntNode.valueOf(65));
		assertThat(service.has("status")).isFalse();
		assertThat(tables.table("phones.csv").get(0).get("extension")).isEqualTo(StringNode.valueOf("007"));
	}

	@Test
	void refusesOnePhoneUnderTwoServicesSinceOneRowCannotSayBoth() {
		ObjectNode phone = json.createObjectNode().put("id", "p1").put("number", "555");
		ObjectNode first = json.createObjectNode().put("id", "s1").put("name", "A");
		first.putArray("phones").add(phone);
		ObjectNode second = json.createObjectNode().put("id", "s2").put("name", "B");
		second.putArray("phones").add(phone);

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.flatten(List.of(first, second), List.of()))
			.withMessageContaining("phones.csv row p1")
			.withMessageContaining("service_id");
	}

	@Test
	void refusesAnOrganizationIdThatContradictsTheNestedOrganization() {
		ObjectNode service = json.createObjectNode().put("id", "s1").put("name", "A");
		service.putObject("organization").put("id", "o1").put("name", "O");
		service.put("organization_id", "o2");

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.flatten(List.of(service), List.of()))
			.withMessageContaining("organization_id");
	}

	@Test
	void refusesANestedPropertyHsdsDoesNotHave() {
		ObjectNode service = json.createObjectNode().put("id", "s1").put("name", "A");
		service.putArray("phones").addObject().put("id", "p1").put("colour", "red");

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.flatten(List.of(service), List.of()))
			.withMessageContaining("services[0].phones[0].colour");
	}

	@Test
	void refusesToWriteAColumnTheDataPackageDoesNotHave() {
		Tables tables = new Tables(Map.of("services.csv", List.of(json.createObjectNode().put("colour", "red"))));

		assertThatIllegalArgumentException().isThrownBy(() -> hsds.writeZip(tables, new ByteArrayOutputStream()))
			.withMessageContaining("colour")
			.withMessageContaining("services.csv");
	}

	private Tables officialTables() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(examplesCsv())) {
			for (Path file : files.sorted().toList()) {
				entries.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		return hsds.readZip(new ByteArrayInputStream(zipBytes(entries)));
	}

	private static Tables repaired(Tables official) {
		Map<String, List<ObjectNode>> rows = new LinkedHashMap<>();
		official.rows().forEach((file, list) -> rows.put(file, list.stream().map(ObjectNode::deepCopy).toList()));
		for (Repair repair : REPAIRS) {
			ObjectNode row = rows.get(repair.file()).get(0);
			assertThat(row.get(repair.column())).as(repair.file() + " " + repair.column())
				.isEqualTo(StringNode.valueOf(repair.official()));
			if (repair.repaired() == null) {
				row.remove(repair.column());
			}
			else {
				row.put(repair.column(), repair.repaired());
			}
		}
		return new Tables(rows);
	}

	private static void stringify(ObjectNode tabular, String file, String column) {
		tabular.get(file).forEach(row -> ((ObjectNode) row).put(column, row.get(column).asString()));
	}

	private ObjectNode example(String name) throws IOException {
		return (ObjectNode) json.readTree(resource(EXAMPLES + name));
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = HsdsTabularTest.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
	}

	private static Path examplesCsv() {
		try {
			return Path.of(HsdsTabularTest.class.getResource(EXAMPLES + "csv").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] zip(Map<String, String> entries) {
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		entries.forEach((name, text) -> bytes.put(name, text.getBytes(UTF_8)));
		return zipBytes(bytes);
	}

	private static byte[] zipBytes(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, UTF_8)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), UTF_8));
			}
		}
		return entries;
	}

	/** Records whether the converter closed the caller's stream. */
	private static final class ClosingWatch extends ByteArrayOutputStream {

		boolean closed;

		@Override
		public void close() {
			closed = true;
		}

	}

}
