package org.workforcepathways.matching.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.matching.audit.AuditEntry.Action;
import org.workforcepathways.matching.audit.AuditEntry.Outcome;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log on real PostgreSQL, read with real Keycloak tokens: admins only, filtered and paged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.register(registry, "matching_it");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditLog log;

	@LocalServerPort
	int port;

	@Autowired
	AuditIT(AuditLog log) {
		this.log = log;
	}

	private HttpResponse<String> get(String query, String user) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/matching/audit?" + query))
				.header("Authorization", "Bearer " + Tokens.accessToken(user))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anAdminFindsWhoReadAndChangedARecordNewestFirst() throws Exception {
		String referral = "ref-" + UUID.randomUUID();
		var caseManager = new Actor("3f1c-case-manager-sub", "case_manager", "southside-works");
		var provider = new Actor("9a7e-provider-sub", "provider", "calumet-community-college");
		log.record(caseManager, Action.CREATE, "referral", referral, Outcome.ALLOWED);
		log.record(provider, Action.READ, "referral", referral, Outcome.ALLOWED);
		log.record(provider, Action.UPDATE, "referral", referral, Outcome.DENIED);

		var response = get("recordType=referral&recordId=" + referral, "admin@demo.wrd");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode entries = JSON.readTree(response.body()).get("entries");
		assertThat(entries).hasSize(3);
		assertThat(entries.get(0).get("action").asString()).isEqualTo("UPDATE");
		assertThat(entries.get(0).get("outcome").asString()).isEqualTo("DENIED");
		assertThat(entries.get(0).get("actorOrganization").asString()).isEqualTo("calumet-community-college");
		assertThat(entries.get(2).get("actorRole").asString()).isEqualTo("case_manager");

		var page = get("recordType=referral&recordId=" + referral + "&size=2", "admin@demo.wrd");
		long next = JSON.readTree(page.body()).get("nextBefore").asLong();
		var rest = get("recordType=referral&recordId=" + referral + "&size=2&before=" + next, "admin@demo.wrd");
		assertThat(JSON.readTree(rest.body()).get("entries")).hasSize(1);
	}

	@Test
	void onlyAdminsReadTheLog() throws Exception {
		assertThat(get("size=5", "city.staff@demo.wrd").statusCode()).isEqualTo(403);
		assertThat(get("size=5", "case.manager@demo.wrd").statusCode()).isEqualTo(403);
	}

	@Test
	void badFiltersAreA400NamingTheParameter() throws Exception {
		var size = get("size=1000", "admin@demo.wrd");
		assertThat(size.statusCode()).isEqualTo(400);
		assertThat(size.body()).contains("\"field\":\"size\"");

		var range = get("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "admin@demo.wrd");
		assertThat(range.statusCode()).isEqualTo(400);
		assertThat(range.body()).contains("\"field\":\"to\"");

		var type = get("recordType=" + "DROP%20TABLE", "admin@demo.wrd");
		assertThat(type.statusCode()).isEqualTo(400);
		assertThat(type.body()).contains("\"field\":\"recordType\"");
	}

}
