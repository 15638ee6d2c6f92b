package org.workforcepathways.directory.hsds;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingKind;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.Phone;
import org.workforcepathways.directory.listing.Schedule;
import org.workforcepathways.directory.listing.ServiceAtLocation;
import org.workforcepathways.directory.listing.Workforce;
import org.workforcepathways.directory.taxonomy.Taxonomy;

/**
 * Translates between HSDS 3.0 documents and the directory's model, both ways.
 * <p>
 * Reading keeps what the model holds (names, contacts, places, schedules, eligibility) and leaves the rest in the
 * received document. Writing starts from that document, when there is one, and replaces only the parts whose model
 * value differs from what the document itself says: an unedited record leaves exactly as it came, an edited part
 * leaves as edited. The directory's own fields travel in the extension object {@value #EXTENSION}.
 */
@Component
public class HsdsMapper {

	/** The extension property holding what HSDS has no place for: kind, categories, the workforce fields. */
	public static final String EXTENSION = "workforce_pathways";

	/** The name of the directory's taxonomy in HSDS taxonomy terms. */
	public static final String TAXONOMY = "workforce-pathways";

	private static final Set<String> PHONE_TYPES = Set.of("voice", "text", "fax", "cell", "video", "pager", "textphone");

	private static final Pattern BYDAY = Pattern.compile("(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final JsonMapper json;

	private final Taxonomy taxonomy;

	HsdsMapper(JsonMapper json, Taxonomy taxonomy) {
		this.json = json;
		this.taxonomy = taxonomy;
	}

	/**
	 * One HSDS service read into the model: the listing, its organization (when the document carries it) and the
	 * locations it names, and what was left out or changed on the way, for the import report.
	 */
	public record Read(Listing listing, @Nullable Organization organization, List<Location> locations,
			List<String> warnings) {

	}

	// ---------------------------------------------------------------- reading

	public Read read(JsonNode service) {
		List<String> warnings = new ArrayList<>();
		JsonNode org = service.path("organization");
		String organizationId = org.isObject() ? text(org, "id") : text(service, "organization_id");
		Organization organization = org.isObject() ? organization(org) : null;
		Map<String, Location> locations = new LinkedHashMap<>();
		for (JsonNode l : org.path("locations")) {
			locations.put(text(l, "id"), location(l, organizationId, warnings));
		}
		List<ServiceAtLocation> sites = new ArrayList<>();
		for (JsonNode sal : service.path("service_at_locations")) {
			JsonNode place = sal.path("location");
			String locationId = place.isObject() ? text(place, "id") : text(sal, "location_id");
			if (place.isObject() && place.size() > 1) {
				locations.put(locationId, location(place, organizationId, warnings));
			}
			sites.add(new ServiceAtLocation(text(sal, "id"), locationId, null));
		}
		JsonNode ext = service.path(EXTENSION);
		Workforce workforce = ext.path("workforce").isObject() ? json.treeToValue(ext.get("workforce"), Workforce.class)
				: Workforce.NONE;
		workforce = withAges(workforce, integer(service, "minimum_age"), integer(service, "maximum_age"));
		List<String> categories = new ArrayList<>();
		ext.path("categories").forEach(c -> categories.add(c.asString()));
		for (JsonNode a : service.path("attributes")) {
			JsonNode term = a.path("taxonomy_term");
			String code = text(term, "code");
			if (TAXONOMY.equals(text(term, "taxonomy")) && code != null && taxonomy.exists(code)
					&& !categories.contains(code)) {
				categories.add(code);
			}
		}
		ListingKind kind = kind(text(ext, "kind"), warnings);
		Listing listing = new Listing(text(service, "id"), kind, text(service, "name"),
				organizationId, Objects.requireNonNullElse(text(service, "description"), ""), categories,
				languages(service.path("languages")), text(service, "url"), text(service, "email"),
				text(service, "status"), text(service, "eligibility_description"), sites, phones(service.path("phones")),
				schedules(service.path("schedules"), warnings), workforce, ext.path("sample").asBoolean(false), null,
				null);
		return new Read(listing, organization, List.copyOf(locations.values()), List.copyOf(new java.util.LinkedHashSet<>(warnings)));
	}

	public Organization organization(JsonNode o) {
		return new Organization(text(o, "id"), text(o, "name"), text(o, "description"), text(o, "website"),
				text(o, "email"), o.path(EXTENSION).path("sample").asBoolean(false));
	}

	public Location location(JsonNode l, @Nullable String organizationId, List<String> warnings) {
		Double lat = l.path("latitude").isNumber() ? l.get("latitude").asDouble() : null;
		Double lon = l.path("longitude").isNumber() ? l.get("longitude").asDouble() : null;
		if (lat != null && lon != null && (Math.abs(lat) > 90 || Math.abs(lon) > 180) || (lat == null) != (lon == null)) {
			warnings.add("location " + text(l, "id") + ": coordinates " + lat + ", " + lon
					+ " are not a point on Earth; kept in the HSDS record, not used for distance");
			lat = null;
			lon = null;
		}
		String locationOrganization = text(l, "organization_id");
		return new Location(text(l, "id"), locationOrganization != null ? locationOrganization : organizationId,
				Objects.requireNonNullElse(text(l, "location_type"), "physical"), text(l, "name"), lat, lon,
				text(l, "transportation"), address(l.path("addresses")));
	}

	/** The model holds one address: the physical one, else the first. */
	private static Location.@Nullable Address address(JsonNode addresses) {
		JsonNode chosen = null;
		for (JsonNode a : addresses) {
			if (chosen == null || "physical".equals(text(a, "address_type")) && !"physical".equals(text(chosen, "address_type"))) {
				chosen = a;
			}
		}
		if (chosen == null) {
			return null;
		}
		String country = text(chosen, "country");
		return new Location.Address(text(chosen, "address_1"), text(chosen, "city"), text(chosen, "state_province"),
				text(chosen, "postal_code"), country == null ? null : country.toUpperCase(Locale.ROOT));
	}

	private static ListingKind kind(@Nullable String code, List<String> warnings) {
		if (code != null) {
			try {
				return ListingKind.fromCode(code);
			}
			catch (IllegalArgumentException ex) {
				warnings.add("unknown kind '" + code + "'; read as support_service");
			}
		}
		// most HSDS data describes human services; programs come with the extension or get their kind by review
		return ListingKind.SUPPORT_SERVICE;
	}

	private static Workforce withAges(Workforce w, @Nullable Integer min, @Nullable Integer max) {
		Workforce.Eligibility e = w.eligibility();
		Workforce.Eligibility next = new Workforce.Eligibility(min != null ? min : e.minAge(),
				max != null ? max : e.maxAge(), e.residency(), e.incomeMaxPercent(), e.incomeMeasure(),
				e.justiceInvolvedWelcome());
		return new Workforce(w.free(), w.cost(), w.schedule(), w.credential(), w.occupations(), w.nextStart(),
				w.durationWeeks(), w.seatsTotal(), w.seatsOpen(), w.paid(), w.supports(), next);
	}

	private static List<String> languages(JsonNode languages) {
		List<String> codes = new ArrayList<>();
		for (JsonNode l : languages) {
			String code = text(l, "code");
			code = code == null ? null : code.toLowerCase(Locale.ROOT);
			// the model keeps two-letter codes; others stay in the HSDS record
			if (code != null && LANGUAGE.matcher(code).matches() && !codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

	private static List<Phone> phones(JsonNode phones) {
		List<Phone> out = new ArrayList<>();
		for (JsonNode p : phones) {
			String number = text(p, "number");
			// spreadsheets leave quotes and labels around numbers; the HSDS record keeps the original
			number = number == null ? null : number.replaceAll("[^0-9+() .xX-]", " ").strip().replaceAll(" {2,}", " ");
			String type = text(p, "type");
			out.add(new Phone(number, type != null && PHONE_TYPES.contains(type) ? type : "voice",
					text(p, "description"), languages(p.path("languages"))));
		}
		return out;
	}

	private static List<Schedule> schedules(JsonNode schedules, List<String> warnings) {
		List<Schedule> out = new ArrayList<>();
		for (JsonNode s : schedules) {
			String freq = text(s, "freq");
			String byday = text(s, "byday");
			out.add(new Schedule(freq != null && Set.of("WEEKLY", "MONTHLY").contains(freq) ? freq : null,
					byday != null && BYDAY.matcher(byday).matches() ? byday : null, time(s, "opens_at", warnings),
					time(s, "closes_at", warnings), date(s, "dtstart", warnings), date(s, "until", warnings),
					text(s, "description")));
		}
		return out;
	}

	private static @Nullable LocalTime time(JsonNode node, String field, List<String> warnings) {
		String t = text(node, field);
		try {
			return t == null ? null : LocalTime.parse(t.length() == 5 ? t + ":00" : t);
		}
		catch (DateTimeParseException ex) {
			warnings.add(field + " '" + t + "' is not a time (HH:MM); left out of the model");
			return null;
		}
	}

	private static @Nullable LocalDate date(JsonNode node, String field, List<String> warnings) {
		String d = text(node, field);
		try {
			return d == null ? null : LocalDate.parse(d);
		}
		catch (DateTimeParseException ex) {
			warnings.add(field + " '" + d + "' is not a date (YYYY-MM-DD); left out of the model");
			return null;
		}
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull() || v.isContainer()) {
			return null;
		}
		String s = v.asString().strip();
		return s.isEmpty() ? null : s;
	}

	private static @Nullable Integer integer(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v != null && v.isNumber() ? (int) Math.round(v.asDouble()) : null;
	}

	// ---------------------------------------------------------------- writing

	/**
	 * A listing as an HSDS service, nested with its organization and locations.
	 *
	 * @param received the service document last received, without its organization and locations, or none
	 * @param organization the organization, already written as HSDS
	 * @param locations the listing's locations by id, already written as HSDS
	 */
	public ObjectNode service(Listing l, @Nullable JsonNode received, @Nullable ObjectNode organization,
			Map<String, ObjectNode> locations) {
		ObjectNode made = json.createObjectNode();
		String id = HsdsIds.of("service", l.id());
		made.put("id", id);
		made.put("name", l.title());
		made.put("description", l.description());
		putText(made, "url", l.url());
		putText(made, "email", l.email());
		made.put("status", l.status());
		putText(made, "eligibility_description", l.eligibilityDescription());
		Workforce.Eligibility e = l.workforce().eligibility();
		if (e.minAge() != null) {
			made.put("minimum_age", e.minAge());
		}
		if (e.maxAge() != null) {
			made.put("maximum_age", e.maxAge());
		}
		if (l.updatedAt() != null) {
			made.put("last_modified", l.updatedAt().atOffset(ZoneOffset.UTC).toString());
		}
		made.set("phones", phones(l));
		made.set("schedules", schedules(l));
		made.set("languages", languageNodes(l.languages(), "service:" + l.id()));
		ArrayNode sites = made.putArray("service_at_locations");
		for (ServiceAtLocation s : l.locations()) {
			ObjectNode sal = sites.addObject();
			sal.put("id", HsdsIds.of("service_at_location", s.id()));
			sal.set("location", json.createObjectNode().put("id", HsdsIds.of("location", s.locationId())));
		}
		made.set("attributes", attributes(l, id));

		ObjectNode out = received == null ? made : overlay(made, received, read(received).listing(), l, List.of(
				part(List.of("name"), Listing::title), part(List.of("description"), Listing::description),
				part(List.of("url"), Listing::url), part(List.of("email"), Listing::email),
				part(List.of("status"), Listing::status),
				part(List.of("eligibility_description"), Listing::eligibilityDescription),
				part(List.of("minimum_age"), x -> x.workforce().eligibility().minAge()),
				part(List.of("maximum_age"), x -> x.workforce().eligibility().maxAge()),
				part(List.of("phones"), Listing::phones), part(List.of("schedules"), Listing::schedules),
				part(List.of("languages"), Listing::languages),
				part(List.of("service_at_locations"), x -> x.locations().stream().map(s -> List.of(s.id(), s.locationId())).toList()),
				part(List.of("attributes"), x -> List.of(x.categories())),
				part(List.of("last_modified"), HsdsMapper::asReceived)));
		ObjectNode ext = out.putObject(EXTENSION);
		ext.put("kind", l.kind().code());
		ext.set("categories", json.valueToTree(l.categories()));
		ext.set("workforce", json.valueToTree(l.workforce()));
		if (l.sample()) {
			ext.put("sample", true);
		}
		if (organization != null) {
			out.set("organization", organization);
		}
		for (JsonNode sal : out.path("service_at_locations")) {
			String locationId = text(sal.path("location"), "id");
			String localId = l.locations().stream()
				.filter(s -> HsdsIds.of("location", s.locationId()).equals(locationId) || s.locationId().equals(locationId))
				.map(ServiceAtLocation::locationId)
				.findFirst()
				.orElse(locationId);
			ObjectNode place = locations.get(localId);
			if (place != null) {
				((ObjectNode) sal).set("location", place);
			}
			((ObjectNode) sal).remove("location_id");
		}
		return out;
	}

	/** An organization as HSDS; {@code locations} are its locations, already written. */
	public ObjectNode organization(Organization o, @Nullable JsonNode received, List<ObjectNode> locations) {
		ObjectNode made = json.createObjectNode();
		made.put("id", HsdsIds.of("organization", o.id()));
		made.put("name", o.name());
		made.put("description", o.description());
		putText(made, "website", o.website());
		putText(made, "email", o.email());
		ObjectNode out = received == null ? made : overlay(made, received, organization(received), o, List.of(
				part(List.of("name"), Organization::name), part(List.of("description"), Organization::description),
				part(List.of("website"), Organization::website), part(List.of("email"), Organization::email)));
		if (o.sample()) {
			out.putObject(EXTENSION).put("sample", true);
		}
		if (!locations.isEmpty() || received != null && received.has("locations")) {
			out.set("locations", json.valueToTree(locations));
		}
		return out;
	}

	public ObjectNode location(Location l, @Nullable JsonNode received) {
		ObjectNode made = json.createObjectNode();
		made.put("id", HsdsIds.of("location", l.id()));
		made.put("location_type", l.locationType());
		putText(made, "name", l.name());
		if (l.latitude() != null) {
			made.put("latitude", l.latitude());
			made.put("longitude", l.longitude());
		}
		putText(made, "transportation", l.transportation());
		Location.Address a = l.address();
		// HSDS requires a street line, city, region and postal code; an incomplete address is left out
		if (a != null && a.address1() != null && a.city() != null && a.stateProvince() != null && a.postalCode() != null) {
			ObjectNode address = made.putArray("addresses").addObject();
			address.put("id", HsdsIds.of("address", l.id()));
			address.put("address_1", a.address1());
			address.put("city", a.city());
			address.put("state_province", a.stateProvince());
			address.put("postal_code", a.postalCode());
			address.put("country", a.country());
			address.put("address_type", "physical");
		}
		if (received == null) {
			return made;
		}
		Location fromReceived = location(received, l.organizationId(), new ArrayList<>());
		return overlay(made, received, fromReceived, l, List.of(part(List.of("name"), Location::name),
				part(List.of("location_type"), Location::locationType),
				part(List.of("latitude", "longitude"), x -> Objects.requireNonNullElse(x.latitude(), 0.0) + "," + x.longitude()),
				part(List.of("transportation"), Location::transportation),
				part(List.of("addresses"), Location::address)));
	}

	/** A taxonomy term of the directory's taxonomy. */
	public ObjectNode term(Taxonomy.Term t) {
		ObjectNode n = json.createObjectNode();
		n.put("id", HsdsIds.of("taxonomy_term", t.code()));
		n.put("code", t.code());
		n.put("name", t.nameEn());
		n.put("description", t.description());
		if (t.parent() != null) {
			n.put("parent_id", HsdsIds.of("taxonomy_term", t.parent()));
		}
		n.put("taxonomy", TAXONOMY);
		n.put("taxonomy_id", HsdsIds.of("taxonomy", TAXONOMY));
		n.put("language", "en");
		return n;
	}

	/** The directory's taxonomy as an HSDS taxonomy. */
	public ObjectNode taxonomyNode() {
		ObjectNode n = json.createObjectNode();
		n.put("id", HsdsIds.of("taxonomy", TAXONOMY));
		n.put("name", TAXONOMY);
		n.put("description", "Categories of training programs, support services, career events and job openings "
				+ "in the Workforce Pathways directory");
		n.put("version", "1");
		return n;
	}

	private ArrayNode phones(Listing l) {
		ArrayNode out = json.createArrayNode();
		int position = 0;
		for (Phone p : l.phones()) {
			position++;
			ObjectNode n = out.addObject();
			n.put("id", HsdsIds.of("phone", l.id() + "-phone-" + position));
			n.put("number", p.number());
			n.put("type", p.type());
			putText(n, "description", p.description());
			if (!p.languages().isEmpty()) {
				n.set("languages", languageNodes(p.languages(), "phone:" + l.id() + "-" + position));
			}
		}
		return out;
	}

	private ArrayNode schedules(Listing l) {
		ArrayNode out = json.createArrayNode();
		int position = 0;
		for (Schedule s : l.schedules()) {
			position++;
			ObjectNode n = out.addObject();
			n.put("id", HsdsIds.of("schedule", l.id() + "-schedule-" + position));
			putText(n, "freq", s.freq());
			putText(n, "byday", s.byday());
			putText(n, "opens_at", s.opensAt() == null ? null : s.opensAt().format(TIME));
			putText(n, "closes_at", s.closesAt() == null ? null : s.closesAt().format(TIME));
			putText(n, "dtstart", s.dtstart() == null ? null : s.dtstart().toString());
			putText(n, "until", s.until() == null ? null : s.until().toString());
			putText(n, "description", s.description());
		}
		return out;
	}

	private ArrayNode languageNodes(List<String> codes, String owner) {
		ArrayNode out = json.createArrayNode();
		for (String code : codes) {
			ObjectNode n = out.addObject();
			n.put("id", HsdsIds.of("language", owner + ":" + code));
			n.put("name", Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH));
			n.put("code", code);
		}
		return out;
	}

	private ArrayNode attributes(Listing l, String serviceId) {
		ArrayNode out = json.createArrayNode();
		for (Taxonomy.Term t : taxonomy.all()) {
			if (l.categories().contains(t.code())) {
				ObjectNode a = out.addObject();
				a.put("id", HsdsIds.of("attribute", l.id() + ":" + t.code()));
				a.put("link_id", serviceId);
				a.put("link_type", "category");
				a.put("link_entity", "service");
				a.put("taxonomy_term_id", HsdsIds.of("taxonomy_term", t.code()));
				a.set("taxonomy_term", term(t));
			}
		}
		return out;
	}

	/** What a listing says, without what the store adds (time, version, resolved locations). */
	private static Listing asReceived(Listing l) {
		return new Listing(l.id(), l.kind(), l.title(), null, l.description(), l.categories(),
				l.languages(), l.url(), l.email(), l.status(), l.eligibilityDescription(),
				l.locations().stream().map(s -> new ServiceAtLocation(s.id(), s.locationId(), null)).toList(),
				l.phones(), l.schedules(), l.workforce(), l.sample(), null, null);
	}

	private static void putText(ObjectNode n, String field, @Nullable String value) {
		if (value != null) {
			n.put(field, value);
		}
	}

	/** A part of a record: the HSDS properties that carry it and the model value they say. */
	private record Part<T>(List<String> properties, Function<T, ?> value) {

	}

	private static <T> Part<T> part(List<String> properties, Function<T, ?> value) {
		return new Part<>(properties, value);
	}

	/**
	 * The received document, with each part whose model value changed since replaced by the freshly made one. A part
	 * unchanged keeps the received properties, with their ids and details the model does not hold.
	 */
	private <T> ObjectNode overlay(ObjectNode made, JsonNode received, T fromReceived, T now, List<Part<T>> parts) {
		ObjectNode out = (ObjectNode) received.deepCopy();
		for (Part<T> p : parts) {
			if (Objects.equals(p.value().apply(fromReceived), p.value().apply(now))) {
				continue;
			}
			for (String property : p.properties()) {
				JsonNode value = made.get(property);
				if (property.equals("attributes") && value != null) {
					value = attributesKeepingOthers((ArrayNode) value, received.path("attributes"));
				}
				if (value == null) {
					out.remove(property);
				}
				else {
					out.set(property, value);
				}
			}
		}
		out.set("id", made.get("id"));
		return out;
	}

	/** Attributes from other taxonomies stay; the directory's own categories come from the model. */
	private ArrayNode attributesKeepingOthers(ArrayNode ours, JsonNode received) {
		ArrayNode out = json.createArrayNode();
		for (JsonNode a : received) {
			if (!TAXONOMY.equals(text(a.path("taxonomy_term"), "taxonomy"))) {
				out.add(a);
			}
		}
		out.addAll(ours);
		return out;
	}

}
