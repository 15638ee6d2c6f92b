package org.workforcepathways.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.devstack.Ports;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role x endpoint matrix of docs/security.md, driven through the gateway with real Keycloak tokens. The table is
 * the single source: an endpoint a service has but the table lacks fails this test, and so does a stale row.
 */
class SecurityMatrixIT {

	static final List<String> ROLES = List.of("anonymous", "jobseeker", "case_manager", "provider", "city_staff", "admin");

	static final Map<String, String> USERS = Map.of("jobseeker", "jobseeker@demo.wrd", "case_manager",
			"case.manager@demo.wrd", "provider", "provider@demo.wrd", "city_staff", "city.staff@demo.wrd", "admin",
			"admin@demo.wrd");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	record Row(String method, String path, String example, Map<String, String> expected) {

	}

	static List<Row> rows;

	@BeforeAll
	static void read() throws Exception {
		Suite.stack();
		rows = parse(Files.readAllLines(Path.of("../docs/security.md")));
	}

	static List<Row> parse(List<String> lines) {
		List<Row> result = new ArrayList<>();
		boolean inMatrix = false;
		List<String> header = null;
		for (String line : lines) {
			if (line.startsWith("#")) {
				inMatrix = line.equals("## Endpoint matrix");
				continue;
			}
			if (!inMatrix || !line.startsWith("|")) {
				continue;
			}
			List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|")).stream().map(String::strip).toList();
			if (header == null) {
				header = cells;
				assertThat(header).startsWith("method", "path", "example").containsAll(ROLES).contains("other org");
				continue;
			}
			if (cells.get(0).startsWith("---")) {
				continue;
			}
			Map<String, String> expected = new LinkedHashMap<>();
			for (int i = 3; i < cells.size(); i++) {
				expected.put(header.get(i), cells.get(i));
			}
			result.add(new Row(cells.get(0), cells.get(1), cells.get(2), expected));
		}
		assertThat(result).as("rows of the endpoint matrix in docs/security.md").isNotEmpty();
		return result;
	}

	@Test
	void theMatrixListsExactlyTheEndpointsTheServicesHave() throws Exception {
		Ports ports = Suite.stack().context().ports();
		Set<String> actual = new TreeSet<>();
		for (int port : List.of(ports.directory(), ports.matching(), ports.metrics())) {
			HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(docs.statusCode()).isEqualTo(200);
			JsonNode paths = JSON.readTree(docs.body()).get("paths");
			for (String path : paths.propertyNames()) {
				for (String method : paths.get(path).propertyNames()) {
					actual.add(method.toUpperCase() + " " + path);
				}
			}
		}
		Set<String> documented = new TreeSet<>();
		rows.forEach(r -> documented.add(r.method() + " " + r.path()));

		assertThat(documented).as("endpoints in docs/security.md vs the services' OpenAPI documents")
			.containsExactlyElementsOf(actual);
	}

	@Test
	void everyCellAnswersAsTheMatrixSays() throws Exception {
		Map<String, String> tokens = new LinkedHashMap<>();
		USERS.forEach((role, user) -> tokens.put(role, Tokens.accessToken(user)));
		List<String> mismatches = new ArrayList<>();
		for (Row row : rows) {
			for (String role : ROLES) {
				int expected = Integer.parseInt(row.expected().get(role));
				var request = HttpRequest.newBuilder(URI.create(Suite.gateway() + row.example()))
					.timeout(Duration.ofSeconds(20))
					.method(row.method(), HttpRequest.BodyPublishers.noBody());
				if (!role.equals("anonymous")) {
					request.header("Authorization", "Bearer " + tokens.get(role));
				}
				HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != expected) {
					mismatches.add(row.method() + " " + row.example() + " as " + role + ": expected " + expected + ", got "
							+ response.statusCode());
				}
				if (response.statusCode() >= 400) {
					assertThat(response.headers().firstValue("Content-Type")).as(row.example() + " as " + role)
						.hasValue("application/problem+json");
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

}
