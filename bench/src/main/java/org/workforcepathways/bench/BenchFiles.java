package org.workforcepathways.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.workforcepathways.testsupport.Engines;

/** What every benchmark does around its measurement: start from nothing, and write its section of the report. */
final class BenchFiles {

	private BenchFiles() {
	}

	/** Drops the databases and indices of an earlier run, so every run measures from nothing. */
	static void fresh(Engines engines, java.util.List<String> databases, java.util.List<String> indexAliases)
			throws Exception {
		try (Connection c = DriverManager.getConnection(engines.postgresUrl() + "postgres", engines.postgresAdminUser(),
				engines.postgresAdminPassword()); Statement s = c.createStatement()) {
			for (String d : databases) {
				s.execute("drop database if exists " + d + " with (force)");
			}
		}
		HttpClient http = HttpClient.newHttpClient();
		for (String alias : indexAliases) {
			http.send(HttpRequest.newBuilder(URI.create(engines.elasticsearchUrl() + "/" + alias + "-v*")).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	/**
	 * Replaces one benchmark's section of docs/benchmarks.md (between {@code <!-- name:begin -->} and
	 * {@code <!-- name:end -->}), keeping the others, or appends it.
	 */
	static void writeSection(Path file, String name, String content) throws IOException {
		String begin = "<!-- " + name + ":begin -->";
		String end = "<!-- " + name + ":end -->";
		String section = begin + "\n" + content + end;
		String text = Files.exists(file) ? Files.readString(file)
				: "# Benchmarks\n\nFigures written by the programs under `bench/`; rerun them to refresh.\n";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		text = from >= 0 && to > from ? text.substring(0, from) + section + text.substring(to + end.length())
				: text.stripTrailing() + "\n\n" + section + "\n";
		Files.writeString(file, text);
		System.out.printf("bench: wrote %s%n", file);
	}

}
