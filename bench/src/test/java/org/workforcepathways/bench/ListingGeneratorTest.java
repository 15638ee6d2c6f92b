package org.workforcepathways.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ListingGeneratorTest {

	@Test
	void scalesTheDemoShapesWithEveryReferenceResolvable() throws Exception {
		var out = new ByteArrayOutputStream();
		new ListingGenerator(Path.of("../infra/demo-data/calumet-listings.json")).write(2_000, out, 7);
		JsonNode data = JsonMapper.builder().build().readTree(out.toByteArray());

		assertThat(data.get("listings")).hasSize(2_000);
		assertThat(data.get("organizations")).hasSize(50);
		Set<String> organizations = new HashSet<>();
		data.get("organizations").forEach(o -> organizations.add(o.get("id").asString()));
		Set<String> locations = new HashSet<>();
		data.get("locations").forEach(l -> {
			assertThat(organizations).contains(l.get("organizationId").asString());
			assertThat(locations.add(l.get("id").asString())).isTrue();
		});
		Set<String> ids = new HashSet<>();
		Set<String> kinds = new HashSet<>();
		data.get("listings").forEach(l -> {
			assertThat(ids.add(l.get("id").asString())).isTrue();
			assertThat(organizations).contains(l.get("organizationId").asString());
			l.get("locations").forEach(s -> assertThat(locations).contains(s.get("locationId").asString()));
			JsonNode w = l.get("workforce");
			if (!w.get("seatsOpen").isNull()) {
				assertThat(w.get("seatsOpen").asInt()).isBetween(0, w.get("seatsTotal").asInt());
			}
			kinds.add(l.get("kind").asString());
		});
		assertThat(kinds).containsExactlyInAnyOrder("training_program", "support_service", "career_event",
				"job_opening");
	}

}
