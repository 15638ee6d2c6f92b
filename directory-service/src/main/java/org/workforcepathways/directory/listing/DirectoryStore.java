package org.workforcepathways.directory.listing;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.transaction.support.TransactionTemplate;

import org.workforcepathways.directory.search.ListingIndex;
import org.workforcepathways.directory.search.SearchBacklog;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;
import org.workforcepathways.platform.Problems.FieldProblem;

/**
 * Writes directory data to the system of record and keeps the search projection in step: whatever changed is
 * reindexed right after the transaction, including listings whose organization or location changed. When the search
 * engine is away the save still succeeds and the listings wait in the {@link SearchBacklog}.
 */
@Service
public class DirectoryStore {

	private static final Logger log = LoggerFactory.getLogger(DirectoryStore.class);

	private static final int BATCH = 500;

	private static final int PROGRESS_EVERY = 10_000;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final ListingRepository listings;

	private final ListingIndex index;

	private final TransactionTemplate transaction;

	private final ListingChanges changes;

	private final ListingValidator validator;

	private final SearchBacklog backlog;

	DirectoryStore(OrganizationRepository organizations, LocationRepository locations, ListingRepository listings,
			ListingIndex index, TransactionTemplate transaction, ListingChanges changes, ListingValidator validator,
			SearchBacklog backlog) {
		this.backlog = backlog;
		this.changes = changes;
		this.validator = validator;
		this.organizations = organizations;
		this.locations = locations;
		this.listings = listings;
		this.index = index;
		this.transaction = transaction;
	}

	/**
	 * Saves organizations and locations in one transaction, then the listings in transactions of
	 * {@value #BATCH}, each indexed once it is committed; returns how many listings changed. Saving is by id and
	 * skips what is unchanged, so running the same data again after a failure finishes the job.
	 */
	public int save(DirectoryData data) {
		Set<String> changed = new LinkedHashSet<>(transaction.execute(tx -> writePlaces(data)));
		reindex(List.copyOf(changed));
		List<Listing> all = new ArrayList<>();
		for (Listing l : data.listings()) {
			try {
				validate(l);
				all.add(l);
			}
			catch (InvalidInputException ex) {
				// a bad record never blocks the rest
				log.warn("directory import: listing {} rejected: {}", l.id(), ex.errors().stream().map(FieldProblem::field).toList());
			}
		}
		int listingsChanged = 0;
		for (int from = 0; from < all.size(); from += BATCH) {
			List<Listing> batch = all.subList(from, Math.min(all.size(), from + BATCH));
			List<String> saved = transaction.execute(tx -> {
				List<ListingRepository.Saved> outcomes = saveAllRecorded(batch, null, null);
				return java.util.stream.IntStream.range(0, batch.size())
					.filter(i -> outcomes.get(i).changed())
					.mapToObj(i -> batch.get(i).id())
					.toList();
			});
			reindex(saved);
			listingsChanged += saved.size();
			if ((from + BATCH) % PROGRESS_EVERY == 0) {
				log.info("directory import: {} of {} listings written and indexed", from + BATCH, all.size());
			}
		}
		changed.removeAll(data.listings().stream().map(Listing::id).toList());
		// an import ends with everything searchable, not within the next refresh interval
		try {
			index.refresh();
		}
		catch (IOException | RuntimeException ex) {
			// what was saved is in the backlog and reaches the index when it returns
			log.warn("search index not refreshed after the import: {}", ex.getClass().getSimpleName());
		}
		return listingsChanged + changed.size();
	}

	/** The fields a provider keeps current between edits of the whole listing. */
	public record Availability(@Nullable Integer seatsTotal, @Nullable Integer seatsOpen, @Nullable LocalDate nextStart) {

	}

	/** Adds a listing for an organization the caller acts for. */
	public Listing create(Listing incoming, Caller caller) {
		transaction.executeWithoutResult(tx -> {
			if (incoming.id() != null) {
				listings.lockId(incoming.id());
			}
			if (listings.lockVersion(incoming.id()).isPresent()) {
				throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, "exists",
						"A listing with that id exists; change it with PUT and If-Match."), null);
			}
			ownedBy(incoming, caller);
			validate(incoming);
			saveRecorded(incoming, caller);
		});
		reindex(List.of(incoming.id()));
		return listings.findById(incoming.id()).orElseThrow();
	}

	/** Replaces a listing, if {@code expectedVersion} is still its version. */
	public Listing replace(String id, long expectedVersion, Listing incoming, Caller caller) {
		return edit(id, expectedVersion, caller, current -> {
			if (!id.equals(incoming.id())) {
				throw new InvalidInputException("id", "must be the id in the path");
			}
			ownedBy(incoming, caller);
			return incoming;
		});
	}

	/** Changes seats and next start only. */
	public Listing updateAvailability(String id, long expectedVersion, Availability a, Caller caller) {
		return edit(id, expectedVersion, caller, current -> {
			Workforce w = current.workforce();
			Workforce next = new Workforce(w.free(), w.cost(), w.schedule(), w.credential(), w.occupations(),
					a.nextStart() == null ? w.nextStart() : a.nextStart(), w.durationWeeks(),
					a.seatsTotal() == null ? w.seatsTotal() : a.seatsTotal(),
					a.seatsOpen() == null ? w.seatsOpen() : a.seatsOpen(), w.paid(), w.supports(), w.eligibility());
			return current.withWorkforce(next);
		});
	}

	/** Retires a listing: it leaves search and stays readable with its history. */
	public Listing retire(String id, long expectedVersion, Caller caller) {
		return edit(id, expectedVersion, caller, current -> current.withStatus("inactive"));
	}

	private Listing edit(String id, long expectedVersion, Caller caller,
			java.util.function.UnaryOperator<Listing> change) {
		transaction.executeWithoutResult(tx -> {
			Listing current = listings.findById(id)
				.filter(l -> caller.actsFor(l.organizationId()))
				.orElseThrow(DirectoryStore::notFound);
			long version = listings.lockVersion(id).orElseThrow(DirectoryStore::notFound);
			if (version != expectedVersion) {
				ProblemDetail conflict = Problems.problem(HttpStatus.CONFLICT, "stale-version",
						"The listing changed since you read it (version " + version + "); reload it and edit again.");
				conflict.setProperty("currentVersion", version);
				throw new ErrorResponseException(HttpStatus.CONFLICT, conflict, null);
			}
			Listing next = change.apply(current);
			validate(next);
			saveRecorded(next, caller);
		});
		reindex(List.of(id));
		return listings.findById(id).orElseThrow();
	}

	private static ErrorResponseException notFound() {
		return Problems.notFound("No listing with that id.");
	}

	private static void ownedBy(Listing l, Caller caller) {
		if (l.organizationId() != null && !caller.actsFor(l.organizationId())) {
			throw new InvalidInputException("organizationId", "must be your own organization");
		}
	}

	private void validate(Listing l) {
		Map<String, Location> places = locations
			.findAllById(l.locations().stream().map(ServiceAtLocation::locationId).filter(Objects::nonNull).toList());
		boolean organizationKnown = l.organizationId() != null && organizations.findById(l.organizationId()).isPresent();
		List<FieldProblem> problems = validator.problems(l, places, organizationKnown);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Saves a listing and, when it changed, records history and the change event in the same transaction. */
	private boolean saveRecorded(Listing listing, @Nullable Caller caller) {
		return saveRecorded(listing, caller, null).changed();
	}

	private ListingRepository.Saved saveRecorded(Listing listing, @Nullable Caller caller, @Nullable String source) {
		return saveAllRecorded(List.of(listing), caller, source).getFirst();
	}

	/** {@link #saveRecorded} for many listings, with a few statements for all of them. */
	private List<ListingRepository.Saved> saveAllRecorded(List<Listing> batch, @Nullable Caller caller,
			@Nullable String source) {
		List<ListingRepository.Saved> saved = listings.saveAll(batch);
		List<Listing> changed = new ArrayList<>();
		List<ListingRepository.Saved> savesOfChanged = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (saved.get(i).changed()) {
				changed.add(batch.get(i));
				savesOfChanged.add(saved.get(i));
			}
		}
		changes.recordAll(changed, savesOfChanged, caller, source);
		return saved;
	}

	/** One record of an import: a listing with the organization and locations it came with. */
	public record ImportRecord(@Nullable Organization organization, List<Location> locations, Listing listing) {

	}

	/** What an import did, or would do, to a listing. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/** Every rule a record breaks, without writing anything; what it brings counts as already there. */
	public List<FieldProblem> check(ImportRecord r) {
		List<FieldProblem> problems = new ArrayList<>();
		if (r.organization() != null) {
			problems.addAll(validator.problems(r.organization(), "organization."));
		}
		for (int i = 0; i < r.locations().size(); i++) {
			problems.addAll(validator.problems(r.locations().get(i), "locations[" + i + "]."));
		}
		Map<String, Location> places = new java.util.HashMap<>(locations.findAllById(
				r.listing().locations().stream().map(ServiceAtLocation::locationId).filter(Objects::nonNull).toList()));
		r.locations().forEach(l -> places.put(l.id(), l));
		boolean organizationKnown = r.organization() != null && r.organization().id().equals(r.listing().organizationId())
				|| r.listing().organizationId() != null && organizations.findById(r.listing().organizationId()).isPresent();
		problems.addAll(validator.problems(r.listing(), places, organizationKnown));
		return problems;
	}

	/** What saving the listing would do, for a dry run. */
	public Outcome preview(Listing l) {
		return listings.findById(l.id())
			.map(current -> current.content().equals(l.content()) ? Outcome.UNCHANGED : Outcome.UPDATED)
			.orElse(Outcome.CREATED);
	}

	/**
	 * Saves checked import records in one transaction, with {@code alongside} run for each in the same transaction
	 * (the HSDS document, aliases), then indexes what changed. Each change names {@code source} in its history, so the
	 * listing keeps where each fact came from.
	 */
	public List<Outcome> importRecords(List<ImportRecord> batch, Caller caller, String source,
			java.util.function.Consumer<List<ImportRecord>> alongside) {
		List<String> touched = new ArrayList<>();
		List<Outcome> outcomes = transaction.execute(tx -> {
			List<Outcome> out = new ArrayList<>();
			// many records of a batch bring the same organization and places; each is written once
			Set<Object> written = new java.util.HashSet<>();
			for (ImportRecord r : batch) {
				if (r.organization() != null && written.add(r.organization()) && organizations.save(r.organization())) {
					touched.addAll(organizations.listingIds(r.organization().id()));
				}
				for (Location l : r.locations()) {
					if (written.add(l) && locations.save(l)) {
						touched.addAll(locations.listingIds(l.id()));
					}
				}
			}
			List<ListingRepository.Saved> saved = saveAllRecorded(batch.stream().map(ImportRecord::listing).toList(),
					caller, source);
			for (int i = 0; i < batch.size(); i++) {
				ListingRepository.Saved s = saved.get(i);
				out.add(!s.changed() ? Outcome.UNCHANGED : s.created() ? Outcome.CREATED : Outcome.UPDATED);
				// an unchanged listing's search document is unchanged too
				if (s.changed()) {
					touched.add(batch.get(i).listing().id());
				}
			}
			alongside.accept(batch);
			return out;
		});
		reindex(touched.stream().distinct().toList());
		return outcomes;
	}

	/** Saves an organization (and its locations) that came without listings. */
	public void importOrganization(Organization o, List<Location> places) {
		List<String> touched = transaction.execute(tx -> {
			List<String> ids = new ArrayList<>();
			if (organizations.save(o)) {
				ids.addAll(organizations.listingIds(o.id()));
			}
			for (Location l : places) {
				if (locations.save(l)) {
					ids.addAll(locations.listingIds(l.id()));
				}
			}
			return ids;
		});
		reindex(touched.stream().distinct().toList());
	}

	/** Problems of an organization and its locations, for records that come without listings. */
	public List<FieldProblem> check(Organization o, List<Location> places) {
		List<FieldProblem> problems = new ArrayList<>(validator.problems(o, "organization."));
		for (int i = 0; i < places.size(); i++) {
			problems.addAll(validator.problems(places.get(i), "locations[" + i + "]."));
		}
		return problems;
	}

	/**
	 * Saves only what the directory does not hold yet (by id), so sample data loaded at every start never undoes an
	 * edit made since.
	 */
	public int saveMissing(DirectoryData data) {
		Set<String> knownOrganizations = organizations
			.findAllById(data.organizations().stream().map(Organization::id).toList())
			.keySet();
		Set<String> knownLocations = locations.findAllById(data.locations().stream().map(Location::id).toList()).keySet();
		Set<String> knownListings = new java.util.HashSet<>();
		List<String> ids = data.listings().stream().map(Listing::id).toList();
		for (int from = 0; from < ids.size(); from += BATCH) {
			knownListings.addAll(listings.existing(ids.subList(from, Math.min(ids.size(), from + BATCH))));
		}
		return save(new DirectoryData(
				data.organizations().stream().filter(o -> !knownOrganizations.contains(o.id())).toList(),
				data.locations().stream().filter(l -> !knownLocations.contains(l.id())).toList(),
				data.listings().stream().filter(l -> !knownListings.contains(l.id())).toList()));
	}

	private void reindex(List<String> ids) {
		backlog.indexOrQueue(ids);
	}

	/** Organizations and locations; returns the listings that show what changed and need reindexing. */
	private Set<String> writePlaces(DirectoryData data) {
		Set<String> changed = new LinkedHashSet<>();
		for (Organization o : data.organizations()) {
			if (organizations.save(o)) {
				changed.addAll(organizations.listingIds(o.id()));
			}
		}
		for (Location l : data.locations()) {
			if (locations.save(l)) {
				changed.addAll(locations.listingIds(l.id()));
			}
		}
		return changed;
	}

}
