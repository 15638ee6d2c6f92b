package org.workforcepathways.e2e;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforcepathways.e2e.Gateway.JSON;
import static org.workforcepathways.e2e.Gateway.call;

/**
 * Hostile inputs at every public endpoint, through the gateway on the real stack: huge strings, query syntax, broken
 * JSON, unicode edge cases, out-of-range numbers, duplicated parameters and path tricks, in every query parameter,
 * path segment and body field. Not one answer may be a 5xx or hold a stack trace, every 4xx is problem+json, a
 * redirect never leaves the site, and the listings they aimed at are unchanged afterwards.
 */
class HostileInputsIT {

	/** Sent URL-encoded in queries and paths, and as JSON strings in bodies. */
	static final List<String> VALUES = List.of("", " ", "a".repeat(300), "a".repeat(5_000), "welding ".repeat(2_000),
			"*", "?", "\"", "\"unclosed", "title:welding", "welding AND OR NOT", "(((((", ")))", "[1 TO *]", "/.*/",
			"weld~99", "\\", "{\"query\":{\"match_all\":{}}}", "{{7*7}}", "${jndi:ldap://127.0.0.1:1/a}",
			"<script>alert(1)</script>", "' OR '1'='1", "1; DROP TABLE listing; --", "%", "%00", "\u0000",
			"\u0001\u001f\u007f", "\r\nSet-Cookie: x=y", "\t", "😀🔧👩🏽‍🏭", "\u202Eevil", "\u200B", "e\u0301\u0301\u0301\u0301",
			"\uFEFF", "ｗｅｌｄｉｎｇ", "İstanbul ß ǅ", "-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808",
			"99999999999999999999999", "1e309", "NaN", "Infinity", "-Infinity", "0x1F", "1.5", " 5 ", "true", "null",
			"undefined", "[]", "{}", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "C:\\Windows\\win.ini",
			"file:///etc/passwd", "javascript:alert(1)", "//evil.example/", "2026-02-30", "9999-12-31", "0000-00-00",
			"2026-13-01T25:61:61Z", "00000", "99999", "6061", "606170", "60617-1234",
			"demo-tp-0001,demo-tp-0001,demo-tp-0001,demo-tp-0001,demo-tp-0001", ",,,,");

	/** Already percent-encoded: bytes that are not UTF-8, broken escapes, encoded controls. */
	static final List<String> RAW_VALUES = List.of("%ED%A0%80", "%C0%AE%C0%AE", "%FF%FE", "%ZZ", "%", "%u0041",
			"a%00b", "%E2%80%AE", "a".repeat(50_000));

	/** Addresses that try to climb out of a route or slip past the firewall. */
	static final List<String> PATHS = List.of("/api/directory/services/..%2F..%2Factuator%2Fenv",
			"/api/directory/../../actuator/env", "/api/directory/%2e%2e/%2e%2e/actuator/env",
			"/js/../../../etc/passwd", "/js/%2e%2e/%2e%2e/application.yaml", "/webjars/../application.yaml",
			"/api/directory/services/demo-tp-0001;jsessionid=x", "/api//directory/search",
			"/api/directory/search/", "/%5c..%5c..%5cetc%5cpasswd", "/api/directory/services/%00",
			"/api/directory/services/%0d%0aSet-Cookie:%20x=y", "/actuator/env", "/actuator/heapdump",
			"/actuator/loggers", "/api/metrics/actuator/env", "/api/directory/actuator/env", "/.git/config",
			"/index.html%00.js", "/nope.html", "/api/nope", "/c/", "/c/%2e%2e", "/signin?next=//evil.example/",
			"/signin?next=/%5Cevil.example", "/signin?next=https://evil.example/", "/signin?next=%0d%0a/x");

	/** Public reads: path and a query holding every parameter they take (the one under attack is replaced). */
	static final Map<String, String> QUERIES = Map.of("/api/directory/search",
			"q=welding&kind=training_program&category=welding&cost=free&schedule=evening&language=es&credential=aws"
					+ "&occupation=51-4121.00&openSeats=true&startsBefore=2027-06-01&zip=60617&lat=41.7&lon=-87.55"
					+ "&radiusMiles=10&sort=distance&size=5&cursor=x",
			"/api/directory/suggest", "q=wel&size=5", "/api/directory/compare", "ids=demo-tp-0001,demo-tp-0007&zip=60617",
			"/api/directory/hsds/services",
			"search=weld&taxonomy_term_id=welding&taxonomy_id=workforce-pathways&organization_id=x"
					+ "&modified_after=2026-01-01T00:00:00Z&full=true&page=1&per_page=2",
			"/api/directory/hsds/organizations", "search=college&full=true&full_service=true&page=1&per_page=2",
			"/api/directory/hsds/taxonomy_terms", "search=weld&parent_id=x&top_only=true&page=1&per_page=2",
			"/api/directory/hsds/taxonomies", "page=1&per_page=2", "/api/matching/programs", "interest=welding&size=5",
			"/signin", "next=/case.html", "/api/directory/taxonomy", "lang=en");

	/** Public reads by id: the id is replaced. */
	static final List<String> BY_ID = List.of("/api/directory/services/{}", "/api/directory/services/{}/sources",
			"/api/directory/services/{}/outcomes", "/api/directory/services/{}/screener",
			"/api/directory/hsds/services/{}", "/api/directory/hsds/organizations/{}", "/api/directory/hsds/taxonomies/{}",
			"/api/directory/hsds/taxonomy_terms/{}", "/c/{}", "/api/directory/survey/links/{}");

	/** Public writes (anonymous, with the browser's CSRF token) and a valid body of each. */
	static final Map<String, String> WRITES = Map.of("/api/directory/services/demo-tp-0001/ratings",
			"{\"stars\": 4, \"informationCorrect\": true}", "/api/directory/services/demo-tp-0002/screener/check",
			"{\"answers\": {\"age\": \"yes\"}}", "/api/directory/engagement/actions",
			"{\"serviceId\": \"demo-tp-0001\", \"action\": \"contact\", \"channel\": \"phone\", \"campaign\": \"IG-MAKEIT\"}",
			"/api/directory/engagement/landings", "{\"campaign\": \"IG-MAKEIT\", \"page\": \"/\", \"language\": \"en\"}",
			"/api/matching/intakes/started", "{\"campaign\": \"IG-MAKEIT\"}", "/api/matching/intakes", """
					{"intake": {"interests": {"r1": 2, "i1": 1, "c1": 1}, "education": "ged", "experience": ["welding"],
					  "credentials": [], "travel": {"zip": "60617", "radiusMiles": 10, "mode": "transit"},
					  "when": ["evening"], "needsPay": false, "barriers": ["childcare"], "languages": ["en"], "language": "en"},
					 "demographics": {"consent": true, "sex": "female", "raceEthnicity": ["hispanic_latino"], "ageBand": "25_34"},
					 "save": false}""", "/api/directory/survey/links/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "{\"services\": []}");

	/** What replaces one value of a body: JSON of every type, and values no field should take. */
	static final List<String> BODY_VALUES = List.of("null", "\"\"", "[]", "{}", "true", "-1", "0", "1e309",
			"99999999999999999999999", "-9223372036854775809", "1.0000000000000000001", "\"" + "a".repeat(100_000) + "\"",
			"\"\\u0000\"", "\"\\ud800\"", "\"😀\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://127.0.0.1:1/a}\"",
			"\"2026-02-30\"", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", "[null, null]", "{\"$ne\": null}");

	/** Whole bodies that are not what any endpoint reads. */
	static final List<String> BROKEN_BODIES = List.of("", "{", "[", "}", "{\"a\":}", "{\"a\" 1}", "{'a': 1}",
			"{\"a\": 1,}", "null", "\"text\"", "123", "[]", "{\"stars\": 4, \"stars\": 5}", "\uFEFF{}", "{\"a\": NaN}",
			"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
			"{\"a\": \"" + "x".repeat(1_100_000) + "\"}", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"bb\">]><a>&b;</a>");

	private static final Pattern STACK_TRACE = Pattern
		.compile("(?m)^\\s*at [a-z][\\w.$]+\\(|Exception[:\\s]|Caused by:|\\.java:\\d+\\)|org\\.springframework\\.");

	/**
	 * Anonymous requests are rate-limited by address, and this test means every input to reach a service: it sends
	 * from many loopback addresses, a new one every {@value #PER_ADDRESS} requests, as many visitors would.
	 */
	private static final int PER_ADDRESS = 60;

	private final List<String> failures = new ArrayList<>();

	private final List<HttpClient> clients = new ArrayList<>();

	private int sent;

	private int limited;

	@Test
	void noHostileInputGetsA5xxOrAStackTraceAndEvery4xxIsAProblem() throws Exception {
		String listingBefore = listing("demo-tp-0001");
		String screenerBefore = Gateway.call("GET", "/api/directory/services/demo-tp-0002/screener", null, null).body();

		for (var endpoint : QUERIES.entrySet()) {
			for (String parameter : parameters(endpoint.getValue())) {
				for (String value : VALUES) {
					get(endpoint.getKey(), endpoint.getValue(), parameter, encode(value));
				}
				for (String raw : RAW_VALUES) {
					get(endpoint.getKey(), endpoint.getValue(), parameter, raw);
				}
				// the same parameter twice, with different values
				send("GET", endpoint.getKey() + "?" + endpoint.getValue() + "&" + parameter + "=1&" + parameter + "=x",
						null);
			}
			send("GET", endpoint.getKey() + "?" + endpoint.getValue() + "&unknown=1&" + encode("a b") + "=%", null);
		}
		for (String template : BY_ID) {
			for (String value : VALUES) {
				send("GET", template.replace("{}", encode(value).replace("+", "%20")), null);
			}
			for (String raw : RAW_VALUES) {
				send("GET", template.replace("{}", raw), null);
			}
		}
		for (String path : PATHS) {
			send("GET", path, null);
			send("POST", path, "{}");
		}
		for (var write : WRITES.entrySet()) {
			for (String body : BROKEN_BODIES) {
				send("POST", write.getKey(), body);
			}
			JsonNode valid = JSON.readTree(write.getValue());
			for (String pointer : leaves(valid, "")) {
				for (String value : BODY_VALUES) {
					send("POST", write.getKey(), replaced(valid, pointer, value));
				}
			}
			// a body that says it is something else
			send("POST", write.getKey(), write.getValue(), "Content-Type", "text/plain");
			send("POST", write.getKey(), write.getValue(), "Content-Type", "application/xml");
			send("POST", write.getKey(), write.getValue(), "Content-Type", "application/json; charset=ebcdic");
		}

		System.out.printf("[hostile] %d requests, %d failures%n", sent, failures.size());
		assertThat(failures).as("answers to hostile inputs (of %d requests)", sent).isEmpty();
		assertThat(limited).as("requests turned away by the rate limit instead of reaching a service").isZero();
		assertThat(sent).as("requests sent").isGreaterThan(3_000);
		assertThat(listing("demo-tp-0001")).as("the listing the writes aimed at").isEqualTo(listingBefore);
		assertThat(Gateway.call("GET", "/api/directory/services/demo-tp-0002/screener", null, null).body())
			.as("the screener the checks aimed at")
			.isEqualTo(screenerBefore);
	}

	private void get(String path, String query, String parameter, String value) throws Exception {
		StringBuilder attacked = new StringBuilder();
		for (String pair : query.split("&")) {
			String name = pair.substring(0, pair.indexOf('='));
			attacked.append(attacked.isEmpty() ? "" : "&").append(name.equals(parameter) ? name + "=" + value : pair);
		}
		send("GET", path + "?" + attacked, null);
	}

	private void send(String method, String pathAndQuery, String body, String... headers) throws Exception {
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create(Suite.gateway() + pathAndQuery));
		}
		catch (IllegalArgumentException notAUri) {
			return; // the client refuses to send it (e.g. a bare '%'), so no server sees it
		}
		request.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Cookie", "XSRF-TOKEN=hostile-inputs")
			.header("X-XSRF-TOKEN", "hostile-inputs");
		if (headers.length > 0) {
			request.setHeader(headers[0], headers[1]);
		}
		HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
		sent++;
		check(method + " " + abbreviate(pathAndQuery) + (body == null ? "" : " body " + abbreviate(body)), response);
	}

	private void check(String what, HttpResponse<String> response) {
		int status = response.statusCode();
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (status == 429) {
			limited++;
		}
		if (status >= 500) {
			failures.add(status + " for " + what + ": " + abbreviate(response.body()));
		}
		else if (status >= 400 && !type.startsWith("application/problem+json")) {
			failures.add(status + " without problem+json (" + type + ") for " + what);
		}
		else if (status >= 400 && JSON.readTree(response.body()).path("status").asInt() != status) {
			failures.add(status + " with a problem of another status for " + what + ": " + abbreviate(response.body()));
		}
		if (STACK_TRACE.matcher(response.body()).find()) {
			failures.add("a stack trace or class name for " + what + ": " + abbreviate(response.body()));
		}
		String location = response.headers().firstValue("Location").orElse(null);
		if (status >= 300 && status < 400 && location != null && !staysOnSite(location)) {
			failures.add("a redirect off the site (" + location + ") for " + what);
		}
	}

	/** This site, or the sign-in at Keycloak that the site starts. */
	private static boolean staysOnSite(String location) {
		return (location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"))
				|| location.startsWith(Suite.gateway() + "/")
				|| location.startsWith(org.workforcepathways.testsupport.TestEngines.get().keycloakUrl() + "/realms/");
	}

	private HttpClient client() throws Exception {
		int index = sent / PER_ADDRESS;
		while (clients.size() <= index) {
			int n = clients.size();
			clients.add(HttpClient.newBuilder()
				.localAddress(InetAddress.getByName("127.77." + (n / 250) + "." + (n % 250 + 1)))
				.connectTimeout(Duration.ofSeconds(5))
				.build());
		}
		return clients.get(index);
	}

	private static List<String> parameters(String query) {
		return List.of(query.split("&")).stream().map(pair -> pair.substring(0, pair.indexOf('='))).toList();
	}

	/** JSON pointers to every value of the body, containers included. */
	private static List<String> leaves(JsonNode node, String at) {
		List<String> pointers = new ArrayList<>();
		if (!at.isEmpty()) {
			pointers.add(at);
		}
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				pointers.addAll(leaves(node.get(name), at + "/" + name));
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			pointers.addAll(leaves(node.get(0), at + "/0"));
		}
		return pointers;
	}

	private static String replaced(JsonNode valid, String pointer, String json) {
		JsonNode copy = valid.deepCopy();
		int cut = pointer.lastIndexOf('/');
		JsonNode parent = copy.at(pointer.substring(0, cut));
		String last = pointer.substring(cut + 1);
		JsonNode value = JSON.readTree(json);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		return JSON.writeValueAsString(copy);
	}

	private static String listing(String id) throws Exception {
		HttpResponse<String> response = call("GET", "/api/directory/services/" + id, null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().firstValue("ETag").orElse("") + " " + JSON.readTree(response.body()).get("listing");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…(" + text.length() + ")";
	}

}
