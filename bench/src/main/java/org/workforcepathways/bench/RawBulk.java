package org.workforcepathways.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch alone doing the indexing part of an import: the documents an index holds, read back and sent with
 * {@code _bulk} into a new index with the same settings and mapping. What the suite's import costs on top of the
 * engine is its time over this one.
 */
final class RawBulk {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/** Documents per {@code _bulk} request: Elasticsearch's guidance is a few MB per request. */
	private static final int BATCH = 1000;

	private RawBulk() {
	}

	record Result(int documents, long bytes, double seconds) {

		double perSecond() {
			return documents / seconds;
		}

	}

	/**
	 * Reads every document of {@code alias} (the read is not timed), creates {@code target} like it, and times the
	 * {@code _bulk} requests and the refresh that makes them searchable.
	 */
	static Result copy(String es, String alias, String target) throws Exception {
		List<String> batches = read(es, alias);
		JsonNode definition = JSON.readTree(send("GET", es + "/" + alias, null, null)).properties().iterator().next()
			.getValue();
		ObjectNode index = JSON.createObjectNode();
		JsonNode settings = definition.path("settings").path("index");
		ObjectNode copied = index.putObject("settings").putObject("index");
		for (String key : List.of("analysis", "number_of_shards", "number_of_replicas")) {
			if (settings.has(key)) {
				copied.set(key, settings.get(key));
			}
		}
		index.set("mappings", definition.path("mappings"));
		send("DELETE", es + "/" + target + "?ignore_unavailable=true", null, null);
		send("PUT", es + "/" + target, "application/json", JSON.writeValueAsString(index));
		long bytes = 0;
		int documents = 0;
		long t = System.nanoTime();
		for (String batch : batches) {
			JsonNode answer = JSON.readTree(send("POST", es + "/" + target + "/_bulk", "application/x-ndjson", batch));
			if (answer.path("errors").asBoolean()) {
				throw new IllegalStateException("raw _bulk had errors: " + answer.path("items").path(0));
			}
			documents += answer.path("items").size();
			bytes += batch.getBytes(StandardCharsets.UTF_8).length;
		}
		send("POST", es + "/" + target + "/_refresh", null, null);
		double seconds = (System.nanoTime() - t) / 1e9;
		long count = JSON.readTree(send("GET", es + "/" + target + "/_count", null, null)).path("count").asLong();
		if (count != documents) {
			throw new IllegalStateException("raw _bulk sent " + documents + " documents but the index counts " + count);
		}
		send("DELETE", es + "/" + target, null, null);
		return new Result(documents, bytes, seconds);
	}

	/** The index's documents as ready {@code _bulk} bodies, read with a scroll. */
	private static List<String> read(String es, String alias) throws Exception {
		List<String> batches = new ArrayList<>();
		JsonNode page = JSON.readTree(send("POST", es + "/" + alias + "/_search?scroll=2m", "application/json",
				"{\"size\":" + BATCH + ",\"sort\":[\"_doc\"]}"));
		while (page.path("hits").path("hits").size() > 0) {
			StringBuilder bulk = new StringBuilder();
			for (JsonNode hit : page.path("hits").path("hits")) {
				bulk.append("{\"index\":{\"_id\":").append(JSON.writeValueAsString(hit.path("_id").asString())).append("}}\n");
				bulk.append(JSON.writeValueAsString(hit.path("_source"))).append('\n');
			}
			batches.add(bulk.toString());
			page = JSON.readTree(send("POST", es + "/_search/scroll", "application/json",
					"{\"scroll\":\"2m\",\"scroll_id\":" + JSON.writeValueAsString(page.path("_scroll_id").asString()) + "}"));
		}
		return batches;
	}

	private static String send(String method, String url, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

}
