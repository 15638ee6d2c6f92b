package org.workforcepathways.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code wrk} load tool (Debian's package): Lua scripts that cycle through a list of requests, and a run that
 * reads back wrk's own counts and latency percentiles.
 */
final class Wrk {

	/**
	 * What done() prints; wrk's latencies are in microseconds, its duration too. Each thread keeps its first failed
	 * answer, so a run with errors says what they were.
	 */
	private static final String DONE = """
			local threads = {}
			setup = function(thread)
			  table.insert(threads, thread)
			end
			response = function(status, headers, body)
			  if status >= 300 and first_error == nil then
			    first_error = status .. " " .. string.sub(body or "", 1, 400)
			  end
			end
			done = function(summary, latency, requests)
			  for _, t in ipairs(threads) do
			    local failed = t:get("first_error")
			    if failed then io.write("WRK-FIRST-ERROR " .. string.gsub(failed, "\\n", " ") .. "\\n") end
			  end
			  local e = summary.errors
			  io.write(string.format("WRK-RESULT %.0f %.0f %.0f %.0f %.0f %.0f %.0f\\n", summary.requests,
			    summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
			    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
			end
			""";

	private Wrk() {
	}

	/** wrk's version line, or a clear message on how to install it. */
	static String version() throws Exception {
		try {
			Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor();
			return out.lines().findFirst().orElse("wrk").replaceFirst("^wrk\\s+", "").replaceFirst("\\s*\\[.*", "");
		}
		catch (IOException ex) {
			throw new IllegalStateException("this benchmark needs the wrk load tool: apt-get install wrk", ex);
		}
	}

	/** A script sending GET requests to the given paths in turn. */
	static Path script(Path file, List<String> paths) throws IOException {
		List<String> requests = paths.stream().map(p -> "wrk.format(\"GET\", " + lua(p) + ")").toList();
		return write(file, requests);
	}

	/** The same, each request carrying {@code Authorization: <authorization>} (a signed-in user's). */
	static Path script(Path file, List<String> paths, String authorization) throws IOException {
		List<String> requests = paths.stream()
			.map(p -> "wrk.format(\"GET\", " + lua(p) + ", {[\"Authorization\"] = " + lua(authorization) + "})")
			.toList();
		return write(file, requests);
	}

	/**
	 * A script sending each search's Elasticsearch requests in turn: one {@code _search}, or one {@code _msearch}
	 * holding both when the search was relaxed after finding nothing.
	 */
	static Path esScript(Path file, List<List<SearchRatioBenchmark.EsRequest>> searches) throws IOException {
		List<String> requests = new ArrayList<>();
		for (List<SearchRatioBenchmark.EsRequest> search : searches) {
			SearchRatioBenchmark.EsRequest first = search.get(0);
			if (search.size() == 1) {
				requests.add("wrk.format(\"POST\", " + lua(first.path()) + ", {[\"Content-Type\"] = \"application/json\"}, "
						+ lua(first.body()) + ")");
			}
			else {
				StringBuilder ndjson = new StringBuilder();
				search.forEach(r -> ndjson.append("{}\n").append(r.body()).append('\n'));
				requests.add("wrk.format(\"POST\", " + lua(first.path().replace("/_search", "/_msearch"))
						+ ", {[\"Content-Type\"] = \"application/x-ndjson\"}, " + lua(ndjson.toString()) + ")");
			}
		}
		return write(file, requests);
	}

	private static Path write(Path file, List<String> requests) throws IOException {
		// built in init(): only then has wrk set the Host header that wrk.format copies into each request
		StringBuilder s = new StringBuilder("local requests = {}\ninit = function(args)\n");
		for (int i = 0; i < requests.size(); i++) {
			s.append("  requests[").append(i + 1).append("] = ").append(requests.get(i)).append('\n');
		}
		s.append("end\n");
		s.append("""
				local i = 0
				request = function()
				  i = i % #requests + 1
				  return requests[i]
				end
				""");
		s.append(DONE);
		Files.writeString(file, s.toString());
		return file;
	}

	/** A Lua long string that cannot end early, whatever the text holds. */
	private static String lua(String text) {
		String level = "=";
		while (text.contains("]" + level + "]")) {
			level += "=";
		}
		// a long string drops a newline right after its opening bracket, so start with one of our own
		return "[" + level + "[\n" + text + "]" + level + "]";
	}

	/** One run of {@code wrk} with one thread and the given number of keep-alive connections. */
	static SearchRatioBenchmark.Run run(String path, String baseUrl, Path script, int clients, int seconds)
			throws Exception {
		Process p = new ProcessBuilder("wrk", "-t1", "-c" + clients, "-d" + seconds + "s", "--timeout", "10s", "-s",
				script.toString(), baseUrl).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + out);
		}
		String line = out.lines().filter(l -> l.startsWith("WRK-RESULT ")).findFirst()
			.orElseThrow(() -> new IllegalStateException("no result from wrk: " + out));
		out.lines().filter(l -> l.startsWith("WRK-FIRST-ERROR ")).findFirst()
			.ifPresent(l -> System.out.println("bench: " + path + ": first failed answer: " + l.substring(16)));
		String[] f = line.split(" ");
		return new SearchRatioBenchmark.Run(path, clients, Long.parseLong(f[1]), Long.parseLong(f[2]) / 1e6,
				Long.parseLong(f[4]) / 1000.0, Long.parseLong(f[5]) / 1000.0, Long.parseLong(f[6]) / 1000.0,
				Long.parseLong(f[7]) / 1000.0, Long.parseLong(f[3]));
	}

}
