package org.workforcepathways.metrics.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A listing of the demo directory, as much of it as simulated traffic needs. */
public record DemoListing(String id, String kind, String organizationId, String name, List<String> occupations,
		int seats) {

	/** Reads the demo listings file ({@code infra/demo-data/calumet-listings.json}). */
	public static List<DemoListing> read(Path file) {
		try {
			JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
			List<DemoListing> out = new ArrayList<>();
			for (JsonNode l : root.get("listings")) {
				JsonNode w = l.path("workforce");
				List<String> occupations = new ArrayList<>();
				w.path("occupations").forEach(o -> occupations.add(o.asString()));
				int seats = w.path("seatsTotal").isNumber() ? w.path("seatsTotal").asInt() : 0;
				out.add(new DemoListing(l.get("id").asString(), l.get("kind").asString(),
						l.get("organizationId").asString(), l.get("title").asString(), occupations, seats));
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
