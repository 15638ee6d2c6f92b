package org.workforcepathways.directory.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open Referral HSDS 3.0 on the real engines: the official examples import (JSON and the CSV data package), export
 * unchanged and validate against the official schemas; bad records are reported one by one; the HSDS API pages;
 * inventories are consolidated; the landscape survey's links work once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-hsds", "directory.demo-data=classpath:search-fixture.json" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HsdsIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerFresh(registry, "directory_hsds", "listings-hsds");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** The official example service's id. */
	private static final String EXAMPLE = "ac148810-d857-441c-9679-408f346de14b";

	@LocalServerPort
	int port;

	private final HsdsSchemas schemas;

	private final HsdsTabular tabular;

	private final JdbcClient jdbc;

	HsdsIT(@Autowired HsdsSchemas schemas, @Autowired HsdsTabular tabular, @Autowired JdbcClient jdbc) {
		this.schemas = schemas;
		this.tabular = tabular;
		this.jdbc = jdbc;
	}

	private HttpResponse<byte[]> call(String method, String path, String user, String contentType, byte[] body)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (user != null) {
			request.header("Authorization", "Bearer " + Tokens.accessToken(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private JsonNode get(String path, String user) throws Exception {
		var r = call("GET", path, user, null, null);
		assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		return JSON.readTree(r.body());
	}

	private JsonNode post(String path, String user, String json) throws Exception {
		var r = call("POST", path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isBetween(200, 202);
		return JSON.readTree(r.body());
	}

	/** Uploads, waits for the run to finish, returns the run with its report. */
	private JsonNode importRun(String source, boolean dryRun, String contentType, byte[] body) throws Exception {
		var started = call("POST", "/api/directory/hsds/imports?source=" + source + "&dry_run=" + dryRun, "admin@demo.wrd",
				contentType, body);
		assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
		String progress = JSON.readTree(started.body()).get("progress").asString();
		JsonNode[] run = new JsonNode[1];
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			run[0] = get(progress, "admin@demo.wrd");
			return !run[0].get("state").asString().matches("queued|running");
		});
		assertThat(run[0].get("state").asString()).as(run[0].toString()).isEqualTo("finished");
		return run[0];
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static JsonNode example(String name) throws IOException {
		return JSON.readTree(resource("hsds/examples/" + name));
	}

	/** The example CSV files as the zip a data package travels in. */
	private static byte[] exampleZip() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String table : List.of("accessibility", "addresses", "attributes", "contacts", "cost_options", "funding",
					"languages", "locations", "meta_table_descriptions", "metadata", "organization_identifiers",
					"organizations", "phones", "programs", "required_documents", "schedules", "service_areas",
					"service_at_location", "services", "taxonomies", "taxonomy_terms")) {
				zip.putNextEntry(new ZipEntry(table + ".csv"));
				zip.write(resource("hsds/examples/csv/" + table + ".csv"));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** An export compared with what came in: the same, but for the directory's own extension. */
	private static JsonNode withoutExtension(JsonNode doc) {
		ObjectNode copy = (ObjectNode) doc.deepCopy();
		copy.remove(HsdsMapper.EXTENSION);
		if (copy.get("organization") instanceof ObjectNode o) {
			o.remove(HsdsMapper.EXTENSION);
		}
		return copy;
	}

	@Test
	@Order(1)
	void aDryRunReportsWithoutWriting() throws Exception {
		JsonNode run = importRun("openreferral-examples", true, "application/json", resource("hsds/examples/service_full.json"));
		assertThat(run.get("dryRun").asBoolean()).isTrue();
		assertThat(run.get("counts").get("created").asInt()).as(run.toString()).isEqualTo(1);
		assertThat(run.get("counts").get("rejected").asInt()).isZero();
		assertThat(run.get("report").get(0).get("outcome").asString()).isEqualTo("created");
		// the example's latitude 100 is kept in the record but not used for distance, and the report says so
		assertThat(run.get("report").get(0).get("notes").toString()).contains("not a point on Earth");
		assertThat(call("GET", "/api/directory/hsds/services/" + EXAMPLE, null, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void theOfficialExampleImportsAndExportsUnchangedAndAgainIsIdempotent() throws Exception {
		JsonNode original = example("service_full.json");
		JsonNode run = importRun("openreferral-examples", false, "application/json", resource("hsds/examples/service_full.json"));
		assertThat(run.get("counts").get("created").asInt()).as(run.toString()).isEqualTo(1);

		JsonNode exported = get("/api/directory/hsds/services/" + EXAMPLE, null);
		assertThat(withoutExtension(exported)).isEqualTo(original);
		assertThat(exported.get(HsdsMapper.EXTENSION).get("kind").asString()).isEqualTo("support_service");
		assertThat(schemas.service(exported)).isEmpty();
		// found by its HSDS id in the directory's own API too, and searchable
		assertThat(call("GET", "/api/directory/services/" + EXAMPLE, null, null, null).statusCode()).isEqualTo(200);

		JsonNode again = importRun("openreferral-examples", false, "application/json", resource("hsds/examples/service_full.json"));
		assertThat(again.get("counts").get("unchanged").asInt()).as(again.toString()).isEqualTo(1);
		assertThat(get("/api/directory/hsds/services?search=counselling", null).get("total_items").asInt()).isEqualTo(1);

		JsonNode sources = get("/api/directory/services/" + EXAMPLE + "/sources", null);
		assertThat(sources.get("title").get("source").asString()).isEqualTo("openreferral-examples");
	}

	@Test
	@Order(3)
	void theCsvDataPackageImportsAndExportsAsTheExampleTables() throws Exception {
		JsonNode run = importRun("openreferral-csv", false, "application/zip", exampleZip());
		assertThat(run.get("counts").get("rejected").asInt()).as(run.toString()).isZero();
		// the same ids as the JSON example: an update of the same record, never a second one
		assertThat(get("/api/directory/hsds/services?search=counselling", null).get("total_items").asInt()).isEqualTo(1);

		var export = call("GET", "/api/directory/hsds/export?format=csv&organization_id=d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
				"admin@demo.wrd", null, null);
		assertThat(export.statusCode()).isEqualTo(200);
		HsdsTabular.Tables exported = tabular.readZip(new ByteArrayInputStream(export.body()));
		HsdsTabular.Tables expected = tabular.readZip(new ByteArrayInputStream(exampleZip()));
		for (String table : List.of("services.csv", "organizations.csv", "locations.csv", "phones.csv", "schedules.csv",
				"service_at_location.csv", "addresses.csv", "cost_options.csv", "funding.csv", "contacts.csv")) {
			assertThat(ids(exported.rows().get(table))).as(table).containsExactlyInAnyOrderElementsOf(ids(expected.rows().get(table)));
		}
		List<JsonNode> services = new ArrayList<>(tabular.services(exported));
		assertThat(services).hasSize(1);
		assertThat(schemas.service(services.getFirst())).isEmpty();
	}

	private static List<String> ids(List<? extends JsonNode> rows) {
		return rows == null ? List.of() : rows.stream().map(r -> r.get("id").asString()).toList();
	}

	@Test
	@Order(4)
	void anEditLeavesAsEditedWhileWhatTheModelDoesNotHoldStays() throws Exception {
		var read = call("GET", "/api/directory/services/" + EXAMPLE, null, null, null);
		String etag = read.headers().firstValue("ETag").orElseThrow();
		ObjectNode listing = (ObjectNode) JSON.readTree(read.body()).get("listing");
		listing.put("title", "Community Counselling (evenings)");
		var put = call("PUT", "/api/directory/services/" + EXAMPLE, "admin@demo.wrd", "application/json",
				listing.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(put.statusCode()).isEqualTo(428);
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/services/" + EXAMPLE))
			.PUT(HttpRequest.BodyPublishers.ofString(listing.toString()))
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.header("Authorization", "Bearer " + Tokens.accessToken("admin@demo.wrd"))
			.build();
		assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

		JsonNode exported = get("/api/directory/hsds/services/" + EXAMPLE, null);
		assertThat(exported.get("name").asString()).isEqualTo("Community Counselling (evenings)");
		assertThat(exported.get("cost_options")).isEqualTo(example("service_full.json").get("cost_options"));
		assertThat(exported.get("phones")).isEqualTo(example("service_full.json").get("phones"));
		assertThat(exported.get("last_modified").asString()).isNotEqualTo("2023-03-15T10:30:45.123Z");
		assertThat(schemas.service(exported)).isEmpty();
		assertThat(get("/api/directory/services/" + EXAMPLE + "/sources", null).get("title").get("source").asString())
			.isEqualTo("admin");
	}

	@Test
	@Order(5)
	void badRecordsAreRejectedOneByOneAndTheRestImport() throws Exception {
		// a new service of the example's organization; nested objects have ids of their own in HSDS, so none are copied
		ObjectNode good = JSON.createObjectNode().put("id", "0b6a3c77-7a0e-4c6f-9a3e-2a9d6c1e0001")
			.put("name", "Evening GED classes").put("status", "active").put("email", "ged@example.org");
		good.set("organization", example("service_full.json").get("organization"));
		ObjectNode badId = good.deepCopy().put("id", "not-a-uuid");
		ObjectNode badEmail = good.deepCopy().put("id", "0b6a3c77-7a0e-4c6f-9a3e-2a9d6c1e0002").put("email", "nobody");
		ObjectNode tooLong = good.deepCopy().put("id", "0b6a3c77-7a0e-4c6f-9a3e-2a9d6c1e0003").put("name", "x".repeat(400));
		ObjectNode noStatus = good.deepCopy().put("id", "0b6a3c77-7a0e-4c6f-9a3e-2a9d6c1e0004");
		noStatus.remove("status");
		ArrayNode upload = JSON.createArrayNode().add(badId).add(good).add(badEmail).add(tooLong).add(noStatus).add("text");
		JsonNode run = importRun("broken-inventory", false, "application/json", upload.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(run.get("counts").get("created").asInt()).as(run.toString()).isEqualTo(1);
		assertThat(run.get("counts").get("rejected").asInt()).isEqualTo(5);
		Map<Integer, String> problems = new java.util.TreeMap<>();
		run.get("report").forEach(l -> problems.put(l.get("record").asInt(), l.get("problems").toString()));
		assertThat(problems.get(1)).contains("schema: /id");
		assertThat(problems.get(2)).isEqualTo("[]");
		assertThat(problems.get(3)).contains("schema: /email");
		assertThat(problems.get(4)).contains("rule: title: must be at most 300 characters");
		assertThat(problems.get(5)).contains("schema:", "status");
		assertThat(problems.get(6)).contains("not a JSON object");
		assertThat(get("/api/directory/hsds/services/0b6a3c77-7a0e-4c6f-9a3e-2a9d6c1e0001", null).get("name").asString())
			.isEqualTo("Evening GED classes");

		var broken = call("POST", "/api/directory/hsds/imports?source=broken-inventory", "admin@demo.wrd",
				"application/json", "[{\"id\": ".getBytes(StandardCharsets.UTF_8));
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(new String(broken.body(), StandardCharsets.UTF_8)).contains("\"field\":\"body\"", "not HSDS JSON");
		var badSource = call("POST", "/api/directory/hsds/imports?source=Bad%20Source", "admin@demo.wrd",
				"application/json", "[]".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(badSource.body(), StandardCharsets.UTF_8)).contains("\"field\":\"source\"");
		assertThat(call("POST", "/api/directory/hsds/imports?source=x1", "provider@demo.wrd", "application/json",
				"[]".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
	}

	@Test
	@Order(6)
	void theHsdsApiPagesFiltersAndValidates() throws Exception {
		JsonNode page = get("/api/directory/hsds/services?per_page=5&page=2", null);
		int total = page.get("total_items").asInt();
		assertThat(total).isGreaterThan(10);
		assertThat(page.get("total_pages").asInt()).isEqualTo((total + 4) / 5);
		assertThat(page.get("page_number").asInt()).isEqualTo(2);
		assertThat(page.get("size").asInt()).isEqualTo(5);
		assertThat(page.get("first_page").asBoolean()).isFalse();
		assertThat(page.get("empty").asBoolean()).isFalse();
		assertThat(page.get("contents").get(0).has("phones")).isFalse();
		assertThat(page.get("contents").get(0).get("organization").get("name").asString()).isNotBlank();

		String welding = get("/api/directory/hsds/taxonomy_terms/welding", null).get("id").asString();
		JsonNode weldingServices = get("/api/directory/hsds/services?full=true&per_page=100&taxonomy_term_id=" + welding, null);
		assertThat(weldingServices.get("total_items").asInt()).isPositive();
		weldingServices.get("contents").forEach(s -> {
			assertThat(s.get(HsdsMapper.EXTENSION).get("categories").toString()).contains("welding");
			assertThat(schemas.service(s)).as(s.get("id").asString()).isEmpty();
		});

		JsonNode org = get("/api/directory/hsds/organizations/calumet-community-college", null);
		JsonNode byOrg = get("/api/directory/hsds/services?per_page=100&organization_id=" + org.get("id").asString(), null);
		assertThat(byOrg.get("total_items").asInt()).isEqualTo(org.get("services").size()).isPositive();
		assertThat(get("/api/directory/hsds/services?modified_after=2999-01-01T00:00:00Z", null).get("empty").asBoolean())
			.isTrue();
		assertThat(get("/api/directory/hsds/taxonomies", null).get("contents").get(0).get("name").asString())
			.isEqualTo(HsdsMapper.TAXONOMY);
		assertThat(get("/api/directory/hsds/taxonomy_terms?top_only=true", null).get("total_items").asInt()).isPositive();

		for (String bad : List.of("per_page=0", "per_page=5000", "page=0", "modified_after=yesterday",
				"taxonomy_term_id=nonsense")) {
			var r = call("GET", "/api/directory/hsds/services?" + bad, null, null, null);
			assertThat(r.statusCode()).as(bad).isEqualTo(400);
			assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains(bad.substring(0, bad.indexOf('=')));
		}
		assertThat(call("GET", "/api/directory/hsds/services/00000000-0000-4000-8000-000000000000", null, null, null)
			.statusCode()).isEqualTo(404);
	}

	@Test
	@Order(7)
	void theWholeExportValidatesAgainstTheOfficialSchemas() throws Exception {
		var json = call("GET", "/api/directory/hsds/export", "admin@demo.wrd", null, null);
		assertThat(json.statusCode()).isEqualTo(200);
		JsonNode all = JSON.readTree(json.body());
		assertThat(all.size()).isGreaterThan(10);
		List<String> problems = new ArrayList<>();
		all.forEach(s -> schemas.service(s).forEach(v -> problems.add(s.get("id").asString() + " " + v)));
		assertThat(problems).isEmpty();

		var csv = call("GET", "/api/directory/hsds/export?format=csv", "admin@demo.wrd", null, null);
		HsdsTabular.Tables tables = tabular.readZip(new ByteArrayInputStream(csv.body()));
		assertThat(tables.rows().get("services.csv")).hasSize(all.size());
		List<JsonNode> services = new ArrayList<>(tabular.services(tables));
		services.forEach(s -> schemas.service(s).forEach(v -> problems.add(s.get("id").asString() + " " + v)));
		tabular.organizations(tables).forEach(o -> schemas.object("organization", o)
			.forEach(v -> problems.add(o.get("id").asString() + " " + v)));
		assertThat(problems).isEmpty();
	}

	@Test
	@Order(8)
	void anotherInventorysCopyIsMergedOrQueuedNeverDuplicated() throws Exception {
		// the fixture holds Calumet Community College; another inventory calls it differently, under its own ids
		JsonNode held = get("/api/directory/hsds/organizations/calumet-community-college", null);
		String website = held.path("website").asString("https://www.calumet-cc.example");
		ObjectNode service = JSON.createObjectNode()
			.put("id", "9e1f3c70-0000-4000-8000-000000000001")
			.put("name", held.get("services").get(0).get("name").asString())
			.put("status", "active");
		service.putObject("organization")
			.put("id", "9e1f3c70-0000-4000-8000-0000000000aa")
			.put("name", "Calumet Community College, Inc.")
			.put("description", "")
			.put("website", website);
		JsonNode run = importRun("county-inventory", false, "application/json", service.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(run.get("counts").get("updated").asInt()).as(run.toString()).isEqualTo(1);
		assertThat(run.get("report").get(0).get("outcome").asString()).isEqualTo("merged");
		assertThat(get("/api/directory/hsds/organizations/9e1f3c70-0000-4000-8000-0000000000aa", null).get("name").asString())
			.isEqualTo(held.get("name").asString());

		ObjectNode maybe = JSON.createObjectNode().put("id", "9e1f3c70-0000-4000-8000-000000000002")
			.put("name", "Forklift basics").put("status", "active");
		maybe.putObject("organization").put("id", "9e1f3c70-0000-4000-8000-0000000000bb")
			.put("name", "Calumet College Community Center").put("description", "");
		JsonNode queued = importRun("county-inventory", false, "application/json", maybe.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(queued.get("counts").get("queued").asInt()).as(queued.toString()).isEqualTo(1);
		assertThat(call("GET", "/api/directory/hsds/services/9e1f3c70-0000-4000-8000-000000000002", null, null, null)
			.statusCode()).isEqualTo(404);
		JsonNode waiting = get("/api/directory/hsds/reviews", "admin@demo.wrd");
		JsonNode item = waiting.get(waiting.size() - 1);
		assertThat(item.get("name").asString()).isEqualTo("Forklift basics");
		JsonNode decided = post("/api/directory/hsds/reviews/" + item.get("id").asLong(), "admin@demo.wrd",
				"{\"decision\": \"separate\"}");
		assertThat(decided.get("outcome").asString()).isEqualTo("created");
		assertThat(get("/api/directory/hsds/organizations/9e1f3c70-0000-4000-8000-0000000000bb", null).get("name").asString())
			.isEqualTo("Calumet College Community Center");
		// the decision is remembered: the same record again is an update, not a question
		JsonNode again = importRun("county-inventory", false, "application/json", maybe.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(again.get("counts").get("unchanged").asInt()).as(again.toString()).isEqualTo(1);
	}

	@Test
	@Order(9)
	void anInvitedOrganizationAnswersTheSurveyOnceAndAnAdminApproves() throws Exception {
		String organization = "survey-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var created = call("PUT", "/api/directory/organizations/" + organization, "admin@demo.wrd", "application/json",
				"{\"name\": \"Pullman Makers Guild\", \"website\": \"https://pullman-makers.example\"}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).isEqualTo(200);
		var badOrganization = call("PUT", "/api/directory/organizations/x1", "admin@demo.wrd", "application/json",
				"{\"name\": \"\", \"website\": \"ftp://x\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(badOrganization.body(), StandardCharsets.UTF_8)).contains("\"field\":\"name\"",
				"\"field\":\"website\"");
		JsonNode before = get("/api/directory/survey/coverage", "admin@demo.wrd");
		JsonNode links = post("/api/directory/survey/invitations", "admin@demo.wrd",
				"{\"organizationIds\": [\"" + organization + "\"]}");
		String token = links.get(0).get("token").asString();
		JsonNode coverage = get("/api/directory/survey/coverage", "admin@demo.wrd");
		assertThat(coverage.get("surveyed").asInt()).isEqualTo(before.get("surveyed").asInt() + 1);
		assertThat(coverage.get("surveyedTarget").asDouble()).isEqualTo(0.9);

		assertThat(get("/api/directory/survey/links/" + token, null).get("organization").get("id").asString())
			.isEqualTo(organization);
		var invalid = call("POST", "/api/directory/survey/links/" + token, null, "application/json",
				"{\"services\": [{\"kind\": \"training_program\", \"title\": \"\"}]}".getBytes(StandardCharsets.UTF_8));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(new String(invalid.body(), StandardCharsets.UTF_8)).contains("services[0].title");
		String answer = "{\"services\": [{\"kind\": \"training_program\", \"title\": \"Night welding lab\", "
				+ "\"description\": \"Open lab for certified welders\", \"categories\": [\"welding\"]}]}";
		assertThat(call("POST", "/api/directory/survey/links/" + token, null, "application/json",
				answer.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
		assertThat(call("POST", "/api/directory/survey/links/" + token, null, "application/json",
				answer.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(410);
		assertThat(call("GET", "/api/directory/survey/links/" + token, null, null, null).statusCode()).isEqualTo(410);
		assertThat(get("/api/directory/survey/coverage", "admin@demo.wrd").get("responded").asInt())
			.isEqualTo(before.get("responded").asInt() + 1);

		JsonNode drafts = get("/api/directory/survey/answers", "admin@demo.wrd");
		JsonNode draft = drafts.get(drafts.size() - 1);
		assertThat(draft.get("draft").get("title").asString()).isEqualTo("Night welding lab");
		post("/api/directory/survey/answers/" + draft.get("id").asLong(), "admin@demo.wrd", "{\"decision\": \"approve\"}");
		String id = draft.get("draft").get("id").asString();
		assertThat(get("/api/directory/services/" + id, null).get("listing").get("organizationId").asString())
			.isEqualTo(organization);
		assertThat(call("GET", "/api/directory/survey/coverage", "provider@demo.wrd", null, null).statusCode()).isEqualTo(403);
	}

	@Test
	@Order(10)
	void aBatchWritesEachChangeOnceWithItsHistoryAndEventInOrderEvenWhenARecordComesTwice() throws Exception {
		// records of one batch are written together; the same id twice must still read as created, then updated
		JsonNode organization = example("service_full.json").get("organization");
		String first = "5c1d2e3f-0000-4a00-8000-00000000b001";
		String second = "5c1d2e3f-0000-4a00-8000-00000000b002";
		ObjectNode a = JSON.createObjectNode().put("id", first).put("name", "Forklift operator certification")
			.put("status", "active");
		a.set("organization", organization);
		ObjectNode b = a.deepCopy().put("id", second).put("name", "Blueprint reading for machinists");
		ObjectNode aAgain = a.deepCopy().put("name", "Forklift operator certification, evenings");
		ArrayNode upload = JSON.createArrayNode().add(a).add(b).add(aAgain);
		JsonNode run = importRun("batch-inventory", false, "application/json", upload.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(run.get("counts").get("created").asInt()).as(run.toString()).isEqualTo(2);
		assertThat(run.get("counts").get("updated").asInt()).as(run.toString()).isEqualTo(1);

		assertThat(jdbc.sql("select service_id || ' ' || version || ' ' || change from listing_change "
				+ "where service_id in (:ids) order by id").param("ids", List.of(first, second)).query(String.class).list())
			.containsExactly(first + " 0 created", second + " 0 created", first + " 1 updated");
		List<String> events = jdbc.sql("select payload from outbox where event_key in (:ids) order by created_at, id")
			.param("ids", List.of(first, second)).query(String.class).list();
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).contains(first, "\"change\":\"created\"");
		assertThat(events.get(1)).contains(second, "\"change\":\"created\"");
		assertThat(events.get(2)).contains(first, "\"change\":\"updated\"", "evenings");
		// the kept HSDS document and the listing are the last version met, once each
		assertThat(get("/api/directory/hsds/services/" + first, null).get("name").asString())
			.isEqualTo("Forklift operator certification, evenings");
		assertThat(jdbc.sql("select count(*) from hsds_record where kind = 'service' and id = :id").param("id", first)
			.query(Long.class).single()).isEqualTo(1);

		JsonNode again = importRun("batch-inventory", false, "application/json",
				JSON.createArrayNode().add(aAgain).add(b).toString().getBytes(StandardCharsets.UTF_8));
		assertThat(again.get("counts").get("unchanged").asInt()).as(again.toString()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from listing_change where service_id in (:ids)")
			.param("ids", List.of(first, second)).query(Long.class).single()).isEqualTo(3);
	}

}
