package org.workforcepathways.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scales the demo directory to any size with the same shapes: the demo listings are the templates (kinds, texts,
 * categories, workforce fields, schedules), spread over generated organizations with one to three sites each at the
 * region's real ZIP codes. Deterministic for a seed. Streams its output, so a million listings need little memory.
 *
 * <p>
 * Usage: {@code ListingGenerator <listings> <out.json> [demo.json]}
 */
public final class ListingGenerator {

	private static final String[] PLACES = { "Calumet", "Pullman", "Hegewisch", "Roseland", "South Deering",
			"East Side", "South Shore", "Chatham", "Hammond", "Gary", "Whiting", "East Chicago", "Harvey", "Dolton",
			"Riverdale", "Blue Island", "Lansing", "Chicago Heights", "Merrillville", "Portage", "Munster", "Highland",
			"Glenwood", "Markham", "South Holland", "Thornton", "Burnham", "Calumet City", "Hobart", "Crown Point" };

	private static final String[] TYPES = { "Community College", "Workforce Center", "Training Institute",
			"Family Services", "Legal Aid", "Manufacturing Alliance", "Steel Works", "Fabrication", "Logistics",
			"Career Academy", "Youth Network", "Housing Partners", "Transit Cooperative", "Adult Learning Center",
			"Machining Co.", "Welding School", "Health Partners", "Reentry Services", "Child Development Center",
			"Union Training Trust" };

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<JsonNode> templates = new ArrayList<>();

	private final List<JsonNode> sites = new ArrayList<>();

	ListingGenerator(Path demo) throws IOException {
		JsonNode data = json.readTree(demo.toFile());
		data.get("listings").forEach(templates::add);
		data.get("locations").forEach(sites::add);
	}

	/** Writes {@code listings} listings with about one organization per 40 and two sites per organization. */
	void write(int listings, OutputStream out, long seed) throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		int organizations = Math.max(1, listings / 40);
		try (JsonGenerator g = json.createGenerator(out)) {
			g.writeStartObject();
			g.writeArrayPropertyStart("organizations");
			for (int o = 0; o < organizations; o++) {
				g.writePOJO(organization(o));
			}
			g.writeEndArray();
			g.writeArrayPropertyStart("locations");
			for (int o = 0; o < organizations; o++) {
				for (int s = 0; s < sitesOf(o); s++) {
					g.writePOJO(location(o, s, new SplittableRandom(seed + o * 7L + s)));
				}
			}
			g.writeEndArray();
			g.writeArrayPropertyStart("listings");
			for (int i = 0; i < listings; i++) {
				g.writePOJO(listing(i, organizations, random));
			}
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	private static int sitesOf(int organization) {
		return 1 + organization % 3;
	}

	private static String organizationId(int o) {
		return String.format(Locale.ROOT, "gen-org-%06d", o);
	}

	private ObjectNode organization(int o) {
		String name = PLACES[o % PLACES.length] + " " + TYPES[(o / PLACES.length) % TYPES.length]
				+ (o >= PLACES.length * TYPES.length ? " " + (o / (PLACES.length * TYPES.length) + 1) : "") + " (sample)";
		return json.createObjectNode()
			.put("id", organizationId(o))
			.put("name", name)
			.put("description", "Generated sample organization for benchmarks.")
			.put("website", "https://example.org/" + organizationId(o))
			.put("sample", true);
	}

	private ObjectNode location(int o, int s, SplittableRandom random) {
		JsonNode site = sites.get((o * 31 + s * 7) % sites.size());
		ObjectNode l = (ObjectNode) site.deepCopy();
		l.put("id", organizationId(o) + "-site-" + s);
		l.put("organizationId", organizationId(o));
		l.put("name", organization(o).get("name").asString().replace(" (sample)", "") + ", site " + (s + 1));
		// spread the sites around the ZIP's centroid, about a mile either way
		l.put("latitude", Math.round((site.get("latitude").asDouble() + (random.nextDouble() - 0.5) * 0.03) * 1e5) / 1e5);
		l.put("longitude", Math.round((site.get("longitude").asDouble() + (random.nextDouble() - 0.5) * 0.04) * 1e5) / 1e5);
		((ObjectNode) l.get("address")).put("address1", (100 + random.nextInt(9800)) + " "
				+ l.get("address").get("address1").asString().replaceFirst("^\\d+ ", ""));
		return l;
	}

	private ObjectNode listing(int i, int organizations, SplittableRandom random) {
		ObjectNode l = (ObjectNode) templates.get(i % templates.size()).deepCopy();
		int o = random.nextInt(organizations);
		String id = String.format(Locale.ROOT, "gen-%07d", i);
		l.put("id", id);
		l.put("organizationId", organizationId(o));
		if (i >= templates.size()) {
			l.put("title", l.get("title").asString() + " – " + PLACES[random.nextInt(PLACES.length)]);
		}
		ArrayNode at = json.createArrayNode();
		if (!l.get("locations").isEmpty()) {
			int sites = random.nextInt(10) == 0 ? sitesOf(o) : 1;
			for (int s = 0; s < sites; s++) {
				at.addObject().put("id", id + "-at-" + s).put("locationId", organizationId(o) + "-site-" + s);
			}
		}
		l.set("locations", at);
		l.remove("url");
		ObjectNode w = (ObjectNode) l.get("workforce");
		if (!w.get("seatsTotal").isNull()) {
			int total = 8 + random.nextInt(30);
			w.put("seatsTotal", total);
			w.put("seatsOpen", random.nextInt(total + 1));
		}
		if (!w.get("nextStart").isNull()) {
			w.put("nextStart", LocalDate.of(2027, 1, 4).plusDays(random.nextInt(300)).toString());
		}
		return l;
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: ListingGenerator <listings> <out.json> [demo.json]");
			System.exit(2);
		}
		int n = Integer.parseInt(args[0]);
		Path demo = Path.of(args.length > 2 ? args[2] : "infra/demo-data/calumet-listings.json");
		try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
			new ListingGenerator(demo).write(n, out, 42);
		}
		System.out.printf("wrote %,d listings to %s%n", n, args[1]);
	}

}
