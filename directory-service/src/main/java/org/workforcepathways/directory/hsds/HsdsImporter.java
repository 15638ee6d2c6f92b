package org.workforcepathways.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

import org.workforcepathways.directory.hsds.HsdsImportRuns.Line;
import org.workforcepathways.directory.listing.DirectoryStore;
import org.workforcepathways.directory.listing.DirectoryStore.ImportRecord;
import org.workforcepathways.directory.listing.DirectoryStore.Outcome;
import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.OrganizationRepository;
import org.workforcepathways.platform.Caller;

/**
 * Imports HSDS 3.0 data: nested service documents (JSON) or the tabular data package (a zip of CSV files). Each record
 * is checked against the official schema and the directory's rules; a record that breaks one is reported and skipped,
 * the rest go on. Records keep their HSDS ids, so the same upload again updates instead of duplicating; a record that
 * looks like one from another inventory is merged into it or queued for an admin.
 */
@Service
public class HsdsImporter {

	private static final Logger log = LoggerFactory.getLogger(HsdsImporter.class);

	private static final int BATCH = 200;

	/** Report lines kept per run beside the exact counts; rejected and queued records are always kept up to this. */
	private static final int REPORT_LINES = 5_000;

	/** Imports run one at a time, so two uploads of the same inventory cannot interleave. */
	private final Semaphore oneAtATime = new Semaphore(1);

	private final HsdsSchemas schemas;

	private final HsdsMapper mapper;

	private final HsdsTabular tabular;

	private final HsdsRecords records;

	private final HsdsImportRuns runs;

	private final HsdsDuplicates duplicates;

	private final DirectoryStore store;

	private final ListingRepository listings;

	private final OrganizationRepository organizations;

	private final JsonMapper json;

	HsdsImporter(HsdsSchemas schemas, HsdsMapper mapper, HsdsTabular tabular, HsdsRecords records, HsdsImportRuns runs,
			HsdsDuplicates duplicates, DirectoryStore store, ListingRepository listings,
			OrganizationRepository organizations, JsonMapper json) {
		this.schemas = schemas;
		this.mapper = mapper;
		this.tabular = tabular;
		this.records = records;
		this.runs = runs;
		this.duplicates = duplicates;
		this.store = store;
		this.listings = listings;
		this.organizations = organizations;
		this.json = json;
	}

	/**
	 * The records of an upload: nested services, and organizations that came without any. A JSON array is read from
	 * its file batch by batch, so a large upload never sits in memory whole; a data package is joined in memory.
	 */
	record Upload(@Nullable Path jsonArray, int serviceCount, List<JsonNode> services, List<JsonNode> organizations) {

		int size() {
			return serviceCount + organizations.size();
		}

		void forEachBatch(JsonMapper json, int size, Consumer<List<JsonNode>> batch) {
			if (jsonArray == null) {
				for (int from = 0; from < services.size(); from += size) {
					batch.accept(services.subList(from, Math.min(services.size(), from + size)));
				}
				return;
			}
			try (JsonParser p = json.createParser(jsonArray.toFile())) {
				p.nextToken();
				List<JsonNode> next = new ArrayList<>();
				while (p.nextToken() != JsonToken.END_ARRAY) {
					next.add(p.readValueAsTree());
					if (next.size() == size) {
						batch.accept(next);
						next = new ArrayList<>();
					}
				}
				if (!next.isEmpty()) {
					batch.accept(next);
				}
			}
		}

	}

	/**
	 * Reads an uploaded file through before anything is written, so a broken file is refused at once and never half
	 * imported. The file must stay until the run is over.
	 *
	 * @throws IllegalArgumentException naming what is wrong with the file
	 */
	Upload read(Path file, String format) {
		try (InputStream in = Files.newInputStream(file)) {
			if (format.equals("csv")) {
				HsdsTabular.Tables tables = tabular.readZip(in);
				List<JsonNode> services = new ArrayList<>(tabular.services(tables));
				java.util.Set<String> named = new java.util.HashSet<>();
				services.forEach(s -> named.add(HsdsMapper.text(s, "organization_id") != null
						? HsdsMapper.text(s, "organization_id") : String.valueOf(HsdsMapper.text(s.path("organization"), "id"))));
				List<JsonNode> alone = new ArrayList<>();
				for (ObjectNode o : tabular.organizations(tables)) {
					if (!named.contains(HsdsMapper.text(o, "id"))) {
						o.remove("services");
						alone.add(o);
					}
				}
				return new Upload(null, services.size(), services, alone);
			}
			return jsonUpload(file);
		}
		catch (java.util.zip.ZipException ex) {
			throw new IllegalArgumentException("not a readable zip: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalArgumentException("not HSDS JSON: " + ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " (line " + ex.getLocation().getLineNr() + ", column "
							+ ex.getLocation().getColumnNr() + ")"));
		}
	}

	/** A service, an HSDS API page of them ({@code contents}), or an array of services (streamed). */
	private Upload jsonUpload(Path file) {
		try (JsonParser p = json.createParser(file.toFile())) {
			JsonToken first = p.nextToken();
			if (first == JsonToken.START_ARRAY) {
				int count = 0;
				for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
					if (t == null) {
						throw new IllegalArgumentException("not HSDS JSON: the array does not end");
					}
					p.skipChildren();
					count++;
				}
				requireEnd(p);
				return new Upload(file, count, List.of(), List.of());
			}
			if (first == JsonToken.START_OBJECT) {
				JsonNode top = json.readTree(p);
				requireEnd(p);
				List<JsonNode> services = new ArrayList<>();
				if (top.path("contents").isArray()) {
					top.get("contents").forEach(services::add);
				}
				else {
					services.add(top);
				}
				return new Upload(null, services.size(), services, List.of());
			}
			throw new IllegalArgumentException("not HSDS JSON: expected a service, an array of services or a page");
		}
	}

	private static void requireEnd(JsonParser p) {
		if (p.nextToken() != null) {
			throw new IllegalArgumentException("not HSDS JSON: text after the end of the document");
		}
	}

	/**
	 * Imports one record at once, after an admin decided whether it is a record the directory holds; the decision is
	 * an alias, so the checks do not ask again.
	 */
	Line importOne(JsonNode doc, String source, Caller caller) {
		// decided by an admin: no batch around it
		if (!doc.has("status")) {
			return importOrganization(doc, 1, source, false);
		}
		Object checked = check(doc, 1, source, false, Known.NOTHING);
		if (checked instanceof Line line) {
			return line;
		}
		Line[] lines = new Line[1];
		write(List.of((Accepted) checked), source, caller, lines, 0);
		return lines[0];
	}

	/** Starts a run in the background; its progress and report are read with {@link HsdsImportRuns#find}. */
	UUID start(Upload upload, String format, String source, boolean dryRun, Caller caller, Runnable whenDone) {
		UUID id = runs.create(source, format, dryRun, caller.subject());
		Thread.ofVirtual().name("hsds-import").start(() -> {
			try {
				run(id, upload, source, dryRun, caller);
			}
			finally {
				whenDone.run();
			}
		});
		return id;
	}

	private void run(UUID id, Upload upload, String source, boolean dryRun, Caller caller) {
		Progress progress = new Progress(id, upload.size());
		try {
			oneAtATime.acquire();
			try {
				runs.progress(id, "running", upload.size(), 0, progress.counts, List.of());
				int[] position = {0};
				upload.forEachBatch(json, BATCH, batch -> {
					importServices(batch, position[0], source, dryRun, caller, progress);
					position[0] += batch.size();
					progress.save("running");
				});
				int next = position[0];
				for (JsonNode o : upload.organizations()) {
					progress.add(importOrganization(o, ++next, source, dryRun));
				}
				progress.save("finished");
				runs.finish(id, "finished", null);
				log.info("hsds import {} finished: {}", id, progress.counts);
			}
			finally {
				oneAtATime.release();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			runs.finish(id, "failed", "interrupted");
		}
		catch (RuntimeException ex) {
			log.warn("hsds import {} failed: {}", id, ex.toString());
			progress.save("failed");
			runs.finish(id, "failed", "stopped after " + progress.processed + " records: " + ex.getMessage());
		}
	}

	/** Counts and report of a run, saved after every batch so an admin can follow it. */
	private final class Progress {

		final UUID id;

		final int total;

		int processed;

		final Map<String, Integer> counts = new LinkedHashMap<>();

		final List<Line> report = new ArrayList<>();

		Progress(UUID id, int total) {
			this.id = id;
			this.total = total;
		}

		void add(Line line) {
			processed++;
			counts.merge(line.outcome(), 1, Integer::sum);
			boolean notable = !line.problems().isEmpty() || line.outcome().equals("queued") || line.outcome().equals("merged");
			if (report.size() < REPORT_LINES && (notable || report.size() < REPORT_LINES / 2)) {
				report.add(line);
			}
		}

		void save(String state) {
			runs.progress(id, state, total, processed, counts, report);
		}

	}

	/** A record that passed its checks, waiting to be written with its batch. */
	private record Accepted(int position, JsonNode document, HsdsMapper.Read read, ImportRecord record,
			List<String> notes, Map<String, String> aliases) {

	}

	/** What a batch's checks look up, read in a few queries for the whole batch instead of several per record. */
	private record Known(Map<String, String> serviceAliases, Map<String, String> organizationAliases,
			Map<String, Listing> listings, java.util.Set<String> organizations) {

		static final Known NOTHING = new Known(Map.of(), Map.of(), Map.of(), java.util.Set.of());

	}

	private Known known(List<JsonNode> batch) {
		List<String> serviceIds = new ArrayList<>();
		List<String> organizationIds = new ArrayList<>();
		for (JsonNode doc : batch) {
			if (HsdsMapper.text(doc, "id") != null) {
				serviceIds.add(HsdsMapper.text(doc, "id"));
			}
			String org = HsdsMapper.text(doc.path("organization"), "id");
			if (org != null || HsdsMapper.text(doc, "organization_id") != null) {
				organizationIds.add(org != null ? org : HsdsMapper.text(doc, "organization_id"));
			}
		}
		Map<String, String> serviceAliases = records.aliases("service", serviceIds);
		Map<String, String> organizationAliases = records.aliases("organization", organizationIds);
		Map<String, Listing> held = new java.util.HashMap<>();
		listings.findAllById(serviceIds.stream().map(id -> serviceAliases.getOrDefault(id, id)).distinct().toList())
			.forEach(l -> held.put(l.id(), l));
		java.util.Set<String> heldOrganizations = organizations
			.findAllById(organizationIds.stream().map(id -> organizationAliases.getOrDefault(id, id)).distinct().toList())
			.keySet();
		return new Known(serviceAliases, organizationAliases, held, heldOrganizations);
	}

	private void importServices(List<JsonNode> batch, int offset, String source, boolean dryRun, Caller caller,
			Progress progress) {
		List<Accepted> accepted = new ArrayList<>();
		Line[] lines = new Line[batch.size()];
		Known known = known(batch);
		for (int i = 0; i < batch.size(); i++) {
			int position = offset + i + 1;
			Object checked = check(batch.get(i), position, source, dryRun, known);
			if (checked instanceof Line line) {
				lines[i] = line;
			}
			else {
				accepted.add((Accepted) checked);
			}
		}
		if (!dryRun && !accepted.isEmpty()) {
			write(accepted, source, caller, lines, offset);
		}
		else {
			for (Accepted a : accepted) {
				String outcome = a.aliases().containsKey("service") ? "merged" : store.preview(a.record().listing()).name().toLowerCase(java.util.Locale.ROOT);
				lines[a.position() - offset - 1] = line(a, outcome);
			}
		}
		for (Line l : lines) {
			progress.add(l);
		}
	}

	/** The record's checks: a {@link Line} when it is rejected or queued, else an {@link Accepted}. */
	private Object check(JsonNode doc, int position, String source, boolean dryRun, Known known) {
		String id = doc.isObject() ? HsdsMapper.text(doc, "id") : null;
		String name = doc.isObject() ? HsdsMapper.text(doc, "name") : null;
		if (!doc.isObject()) {
			return new Line(position, null, null, "rejected", List.of("schema: record is not a JSON object"), List.of());
		}
		List<String> violations = schemas.service(doc).stream().limit(10).map(Object::toString).toList();
		if (!violations.isEmpty()) {
			return new Line(position, id, name, "rejected", violations, List.of());
		}
		HsdsMapper.Read read = mapper.read(doc);
		List<String> notes = new ArrayList<>(read.warnings());
		Map<String, String> aliases = new LinkedHashMap<>();
		String foreignOrganization = read.listing().organizationId();
		if (foreignOrganization == null) {
			return new Line(position, id, name, "rejected",
					List.of("rule: organization: a service must carry its organization or organization_id"), notes);
		}
		Optional<String> organizationAlias = known == Known.NOTHING ? records.alias("organization", foreignOrganization)
				: Optional.ofNullable(known.organizationAliases().get(foreignOrganization));
		String organizationId = organizationAlias.orElse(foreignOrganization);
		Organization organization = read.organization();
		boolean organizationHeld = known == Known.NOTHING ? organizations.findById(organizationId).isPresent()
				: known.organizations().contains(organizationId);
		if (!organizationHeld && organization == null) {
			return new Line(position, id, name, "rejected",
					List.of("rule: organization_id: names no organization in the directory or in this record"), notes);
		}
		// an alias is an admin's decision (merge or keep apart) or an earlier merge: not asked again
		if (!organizationHeld && organizationAlias.isEmpty()) {
			Optional<HsdsDuplicates.Candidate> like = duplicates.organization(organization, read.locations(), source);
			if (like.isPresent() && like.get().match().same()) {
				organizationId = like.get().id();
				aliases.put("organization", organizationId);
				notes.add("organization merged into " + organizationId + " (" + String.join(", ", like.get().match().reasons()) + ")");
			}
			else if (like.isPresent()) {
				if (!dryRun) {
					duplicates.queue(source, "organization", read.listing().id(), like.get(), doc);
				}
				return new Line(position, id, name, "queued", List.of(), List.of("organization may be "
						+ like.get().id() + " (" + String.join(", ", like.get().match().reasons()) + "); an admin decides"));
			}
		}
		Optional<String> serviceAlias = known == Known.NOTHING ? records.alias("service", read.listing().id())
				: Optional.ofNullable(known.serviceAliases().get(read.listing().id()));
		String serviceId = serviceAlias.orElse(read.listing().id());
		Optional<Listing> held = known == Known.NOTHING ? listings.findById(serviceId)
				: Optional.ofNullable(known.listings().get(serviceId));
		if (held.isEmpty() && serviceAlias.isEmpty() && (organizationHeld || aliases.containsKey("organization"))) {
			Optional<HsdsDuplicates.Candidate> like = duplicates.service(read.listing(), organizationId, source);
			// a shared page or phone is common among one organization's programs: merging needs the titles alike too
			if (like.isPresent() && like.get().match().same() && like.get().match().name() >= Likeness.SAME) {
				serviceId = like.get().id();
				held = listings.findById(serviceId);
				aliases.put("service", serviceId);
				notes.add("merged into listing " + serviceId + " (" + String.join(", ", like.get().match().reasons()) + ")");
			}
			else if (like.isPresent()) {
				if (!dryRun) {
					duplicates.queue(source, "service", read.listing().id(), like.get(), doc);
				}
				return new Line(position, id, name, "queued", List.of(), List.of("may be listing " + like.get().id()
						+ " (" + String.join(", ", like.get().match().reasons()) + "); an admin decides"));
			}
		}
		// merged now, or earlier (an alias to another record); an alias to itself is a decision to keep it apart
		boolean organizationMerged = !organizationId.equals(foreignOrganization);
		boolean serviceMerged = !serviceId.equals(read.listing().id());
		ImportRecord record = resolve(read, organizationId, serviceId, organizationMerged, held.orElse(null),
				doc.has(HsdsMapper.EXTENSION), serviceMerged);
		List<String> problems = store.check(record).stream().map(p -> "rule: " + p.field() + ": " + p.message()).toList();
		if (!problems.isEmpty()) {
			return new Line(position, id, name, "rejected", problems, notes);
		}
		return new Accepted(position, doc, read, record, notes, aliases);
	}

	/**
	 * The record under the directory's ids. A listing the directory holds keeps what HSDS cannot say (kind,
	 * categories, workforce fields) unless the document brings the directory's extension; merged from another
	 * inventory, it keeps every fact the other inventory leaves empty.
	 */
	private static ImportRecord resolve(HsdsMapper.Read read, String organizationId, String serviceId,
			boolean organizationMerged, @Nullable Listing held, boolean hasExtension, boolean serviceMerged) {
		Listing in = read.listing();
		Listing base = held != null && !hasExtension ? held : in;
		Listing fill = serviceMerged && held != null ? held : null;
		var w = base.workforce();
		var ages = in.workforce().eligibility();
		var eligibility = new org.workforcepathways.directory.listing.Workforce.Eligibility(
				ages.minAge() != null || fill == null ? ages.minAge() : w.eligibility().minAge(),
				ages.maxAge() != null || fill == null ? ages.maxAge() : w.eligibility().maxAge(),
				w.eligibility().residency(), w.eligibility().incomeMaxPercent(), w.eligibility().incomeMeasure(),
				w.eligibility().justiceInvolvedWelcome());
		var workforce = new org.workforcepathways.directory.listing.Workforce(w.free(), w.cost(), w.schedule(),
				w.credential(), w.occupations(), w.nextStart(), w.durationWeeks(), w.seatsTotal(), w.seatsOpen(), w.paid(),
				w.supports(), eligibility);
		Listing listing = new Listing(serviceId, base.kind(), in.title(), organizationId,
				or(in.description().isEmpty() ? null : in.description(), fill == null ? "" : fill.description()),
				in.categories().isEmpty() ? base.categories() : in.categories(),
				fill != null && in.languages().equals(List.of("en")) ? fill.languages() : in.languages(),
				or(in.url(), fill == null ? null : fill.url()), or(in.email(), fill == null ? null : fill.email()),
				in.status(), or(in.eligibilityDescription(), fill == null ? null : fill.eligibilityDescription()),
				fill != null && in.locations().isEmpty() ? fill.locations() : in.locations(),
				fill != null && in.phones().isEmpty() ? fill.phones() : in.phones(),
				fill != null && in.schedules().isEmpty() ? fill.schedules() : in.schedules(), workforce, base.sample(),
				null, null);
		List<Location> places = read.locations()
			.stream()
			.map(l -> new Location(l.id(), organizationId, l.locationType(), l.name(), l.latitude(), l.longitude(),
					l.transportation(), l.address()))
			.toList();
		Organization organization = organizationMerged || read.organization() == null ? null : read.organization();
		return new ImportRecord(organization, places, listing);
	}

	private static <T> T or(@Nullable T value, T otherwise) {
		return value != null ? value : otherwise;
	}

	private void write(List<Accepted> accepted, String source, Caller caller, Line[] lines, int offset) {
		Map<ImportRecord, Accepted> byRecord = new IdentityHashMap<>();
		accepted.forEach(a -> byRecord.put(a.record(), a));
		try {
			List<Outcome> outcomes = store.importRecords(accepted.stream().map(Accepted::record).toList(), caller, source,
					written -> keep(written.stream().map(byRecord::get).toList(), source));
			for (int i = 0; i < accepted.size(); i++) {
				Accepted a = accepted.get(i);
				lines[a.position() - offset - 1] = line(a, outcomeOf(a, outcomes.get(i)));
			}
		}
		catch (org.springframework.dao.DataAccessException batchFailed) {
			// one record the database refused; write the others one by one so it alone is rejected
			for (Accepted a : accepted) {
				try {
					Outcome o = store.importRecords(List.of(a.record()), caller, source,
							written -> keep(written.stream().map(byRecord::get).toList(), source)).getFirst();
					lines[a.position() - offset - 1] = line(a, outcomeOf(a, o));
				}
				catch (org.springframework.dao.DataAccessException ex) {
					String reason = String.valueOf(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).lines().findFirst().orElse("");
					lines[a.position() - offset - 1] = new Line(a.position(), HsdsMapper.text(a.document(), "id"),
							HsdsMapper.text(a.document(), "name"), "rejected",
							List.of("rule: the database refused it: " + reason), a.notes());
				}
			}
		}
	}

	private static String outcomeOf(Accepted a, Outcome o) {
		return a.aliases().containsKey("service") ? "merged" : o.name().toLowerCase(java.util.Locale.ROOT);
	}

	private static Line line(Accepted a, String outcome) {
		return new Line(a.position(), HsdsMapper.text(a.document(), "id"), HsdsMapper.text(a.document(), "name"), outcome,
				List.of(), a.notes());
	}

	/**
	 * The HSDS documents as received and the ids they map to; in the transaction that writes the records. A
	 * document met twice in the batch (an organization or place of many records) is written once, as last met.
	 */
	private void keep(List<Accepted> written, String source) {
		Map<String, HsdsRecords.Kept> kept = new LinkedHashMap<>();
		for (Accepted a : written) {
			JsonNode doc = a.document();
			ObjectNode service = (ObjectNode) doc.deepCopy();
			service.remove("organization");
			for (JsonNode sal : service.path("service_at_locations")) {
				JsonNode place = sal.path("location");
				if (place.isObject() && place.size() > 1) {
					keepOnce(kept, "location", HsdsMapper.text(place, "id"), place);
					((ObjectNode) sal).set("location", json.createObjectNode().put("id", HsdsMapper.text(place, "id")));
				}
			}
			keepOnce(kept, "service", a.record().listing().id(), service);
			a.aliases().forEach((kind, local) -> records.saveAlias(kind,
					kind.equals("service") ? a.read().listing().id() : a.read().listing().organizationId(), local, source));
			JsonNode organization = doc.path("organization");
			if (a.record().organization() != null && organization.isObject()) {
				ObjectNode organizationDoc = (ObjectNode) organization.deepCopy();
				for (JsonNode l : organizationDoc.path("locations")) {
					keepOnce(kept, "location", HsdsMapper.text(l, "id"), l);
				}
				organizationDoc.remove("locations");
				organizationDoc.remove("services");
				keepOnce(kept, "organization", a.record().organization().id(), organizationDoc);
			}
		}
		records.saveAll(kept.values(), source);
	}

	private static void keepOnce(Map<String, HsdsRecords.Kept> kept, String kind, String id, JsonNode doc) {
		// one statement can write a row only once: the last version met wins, as it did when each was written
		kept.put(kind + ":" + id, new HsdsRecords.Kept(kind, id, doc));
	}

	private Line importOrganization(JsonNode doc, int position, String source, boolean dryRun) {
		String id = HsdsMapper.text(doc, "id");
		String name = HsdsMapper.text(doc, "name");
		List<String> violations = schemas.object("organization", doc).stream().limit(10).map(Object::toString).toList();
		if (!violations.isEmpty()) {
			return new Line(position, id, name, "rejected", violations, List.of());
		}
		List<String> notes = new ArrayList<>();
		Organization o = mapper.organization(doc);
		Optional<String> alias = records.alias("organization", o.id());
		String local = alias.orElse(o.id());
		List<Location> places = new ArrayList<>();
		doc.path("locations").forEach(l -> places.add(mapper.location(l, local, notes)));
		boolean held = organizations.findById(local).isPresent();
		if (!held && alias.isEmpty()) {
			Optional<HsdsDuplicates.Candidate> like = duplicates.organization(o, places, source);
			if (like.isPresent()) {
				if (!dryRun) {
					duplicates.queue(source, "organization", o.id(), like.get(), doc);
				}
				return new Line(position, id, name, "queued", List.of(), List.of("may be organization " + like.get().id()
						+ " (" + String.join(", ", like.get().match().reasons()) + "); an admin decides"));
			}
		}
		Organization resolved = new Organization(local, o.name(), o.description(), o.website(), o.email(), o.sample());
		List<String> problems = store.check(resolved, places).stream().map(p -> "rule: " + p.field() + ": " + p.message()).toList();
		if (!problems.isEmpty()) {
			return new Line(position, id, name, "rejected", problems, notes);
		}
		if (!dryRun) {
			store.importOrganization(resolved, places);
			ObjectNode kept = (ObjectNode) doc.deepCopy();
			kept.remove("locations");
			kept.remove("services");
			records.save("organization", local, kept, source);
			doc.path("locations").forEach(l -> records.save("location", HsdsMapper.text(l, "id"), l, source));
		}
		return new Line(position, id, name, held ? "updated" : "created", List.of(), notes);
	}

}
