package org.workforcepathways.directory.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.testsupport.TestEngines;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search quality, measured: the judged query set in src/test/resources/search-quality/judgments.json run against the
 * real engine over the demo data, scored with nDCG@5 (graded gains 2^g - 1) and recall@10 (grade >= 2). The report
 * goes to target/search-quality.md; docs/search-quality.md records the figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "directory.index.alias=listings-quality",
				"directory.demo-data=file:../infra/demo-data/calumet-listings.json" })
class SearchQualityIT {

	/** Set a little under what the engine measured, so a regression fails and noise does not. */
	static final double MIN_NDCG_AT_5 = 0.78;

	static final double MIN_RECALL_AT_10 = 0.82;

	/** Share of the zero-result queries answered with nothing, or with results marked as matching only some words. */
	static final double MIN_ZERO_HONEST = 0.8;

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.register(registry, "directory_quality");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	record Score(String id, String group, String q, double ndcg, double recall, int returned) {

	}

	@Test
	void theJudgedQueriesScoreAboveTheThresholds() throws Exception {
		JsonNode judged = JSON.readTree(Files.readString(Path.of("src/test/resources/search-quality/judgments.json")));
		List<Score> scores = new ArrayList<>();
		for (JsonNode query : judged.get("queries")) {
			Map<String, Integer> grades = new LinkedHashMap<>();
			query.get("judgments").properties().forEach(e -> grades.put(e.getKey(), e.getValue().asInt()));
			StringBuilder url = new StringBuilder("http://localhost:" + port + "/api/directory/search?size=20&q="
					+ URLEncoder.encode(query.get("q").asString(), StandardCharsets.UTF_8));
			query.path("params").properties().forEach(e -> url.append('&').append(e.getKey()).append('=')
				.append(URLEncoder.encode(e.getValue().asString(), StandardCharsets.UTF_8)));
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(url.toString()).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			List<String> ranked = new ArrayList<>();
			if (!body.get("relaxed").asBoolean()) {
				// judged per listing: a listing at several locations counts once, at its best position
				body.get("results").forEach(r -> {
					if (!ranked.contains(r.get("serviceId").asString())) {
						ranked.add(r.get("serviceId").asString());
					}
				});
			}
			String group = query.get("group").asString();
			if (group.equals("zero")) {
				// nothing in the directory fits: right when the page is empty or says its results match only some
				// of the words, wrong when it presents a match of all of them
				JsonNode first = body.get("results").path(0);
				double honest = first.isMissingNode() || body.get("relaxed").asBoolean()
						|| !first.get("matchesAllWords").asBoolean() ? 1 : 0;
				scores.add(new Score(query.get("id").asString(), group, query.get("q").asString(), honest, honest,
						ranked.size()));
				continue;
			}
			scores.add(new Score(query.get("id").asString(), group, query.get("q").asString(),
					ndcgAt5(ranked, grades), recallAt10(ranked, grades), ranked.size()));
		}
		String report = report(scores);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/search-quality.md"), report);
		System.out.println(report);

		List<Score> judgedQueries = scores.stream().filter(s -> !s.group().equals("zero")).toList();
		double ndcg = judgedQueries.stream().mapToDouble(Score::ndcg).average().orElse(0);
		double recall = judgedQueries.stream().mapToDouble(Score::recall).average().orElse(0);
		assertThat(judgedQueries).hasSizeGreaterThanOrEqualTo(40);
		assertThat(ndcg).as("mean nDCG@5").isGreaterThanOrEqualTo(MIN_NDCG_AT_5);
		assertThat(recall).as("mean recall@10").isGreaterThanOrEqualTo(MIN_RECALL_AT_10);
		List<Score> zero = scores.stream().filter(s -> s.group().equals("zero")).toList();
		assertThat(zero.stream().mapToDouble(Score::ndcg).average().orElse(0)).as("zero-result queries answered honestly")
			.isGreaterThanOrEqualTo(MIN_ZERO_HONEST);
	}

	static double ndcgAt5(List<String> ranked, Map<String, Integer> grades) {
		double dcg = 0;
		for (int i = 0; i < Math.min(5, ranked.size()); i++) {
			dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
		}
		List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(5, ideal.size()); i++) {
			idcg += gain(ideal.get(i)) / log2(i + 2);
		}
		return idcg == 0 ? 1 : dcg / idcg;
	}

	static double recallAt10(List<String> ranked, Map<String, Integer> grades) {
		long relevant = grades.values().stream().filter(g -> g >= 2).count();
		if (relevant == 0) {
			return 1;
		}
		long found = ranked.stream().limit(10).filter(id -> grades.getOrDefault(id, 0) >= 2).count();
		return (double) found / Math.min(10, relevant);
	}

	private static double gain(int grade) {
		return Math.pow(2, grade) - 1;
	}

	private static double log2(int x) {
		return Math.log(x) / Math.log(2);
	}

	static String report(List<Score> scores) {
		StringBuilder sb = new StringBuilder("| group | queries | nDCG@5 | recall@10 |\n|---|---|---|---|\n");
		Map<String, List<Score>> byGroup = new TreeMap<>();
		scores.forEach(s -> byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s));
		byGroup.forEach((group, list) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", group,
				list.size(), list.stream().mapToDouble(Score::ndcg).average().orElse(0),
				list.stream().mapToDouble(Score::recall).average().orElse(0))));
		List<Score> judged = scores.stream().filter(s -> !s.group().equals("zero")).toList();
		sb.append(String.format(Locale.ROOT, "| **all but zero** | %d | **%.3f** | **%.3f** |%n%n", judged.size(),
				judged.stream().mapToDouble(Score::ndcg).average().orElse(0),
				judged.stream().mapToDouble(Score::recall).average().orElse(0)));
		sb.append("| id | group | query | nDCG@5 | recall@10 | results |\n|---|---|---|---|---|---|\n");
		scores.forEach(s -> sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %d |%n", s.id(), s.group(),
				s.q(), s.ndcg(), s.recall(), s.returned())));
		return sb.toString();
	}

}
