package org.workforcepathways.directory.search;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;

/**
 * Keeps the search index a projection of PostgreSQL (the system of record). At start it makes sure the alias points
 * at an index of the current template version and holds what the database holds. A rebuild (at start after a
 * mapping change, or on request) fills a new index beside the one searches read, flips the alias in one step,
 * re-indexes what changed meanwhile, and only then deletes the old index: searches never see an empty index.
 */
@Component
@Order(1)
public class ListingProjection implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ListingProjection.class);

	private static final int PAGE = 1000;

	private final ListingIndex index;

	private final ListingRepository repository;

	private final AtomicReference<Rebuild> rebuild = new AtomicReference<>(Rebuild.NONE);

	ListingProjection(ListingIndex index, ListingRepository repository) {
		this.index = index;
		this.repository = repository;
	}

	/**
	 * Progress of the latest rebuild.
	 *
	 * @param done listings indexed so far, of {@code total}
	 */
	public record Rebuild(boolean running, long done, long total, @Nullable String index, @Nullable Instant startedAt,
			@Nullable Instant finishedAt, @Nullable String error) {

		static final Rebuild NONE = new Rebuild(false, 0, 0, null, null, null, null);

	}

	@Override
	public void run(@Nullable ApplicationArguments args) throws IOException {
		index.putTemplate();
		var target = index.aliasTarget();
		if (target.isEmpty() || !index.isCurrentVersion(target.get())) {
			log.info("search index {}: building one for template version of {}", target.orElse("missing"),
					index.alias());
			rebuild();
			return;
		}
		index.applyReplicas();
		long inDatabase = repository.countSearchUnits();
		long inIndex = index.count();
		if (inDatabase != inIndex) {
			// a new index rather than a fill in place, so documents of listings no longer in the database go too
			log.info("search index holds {} documents, database {}: rebuilding it", inIndex, inDatabase);
			rebuild();
		}
	}

	public Rebuild status() {
		return rebuild.get();
	}

	/** Starts a rebuild in the background unless one is running; returns its status. */
	public Rebuild startRebuild() {
		Rebuild current = rebuild.get();
		if (current.running()) {
			return current;
		}
		Thread.ofVirtual().name("index-rebuild").start(() -> {
			try {
				rebuild();
			}
			catch (IOException | RuntimeException ex) {
				log.warn("search index rebuild failed: {}", ex.toString());
			}
		});
		// the thread sets the status first thing; wait briefly so the answer shows it running
		for (int i = 0; i < 50 && rebuild.get() == current; i++) {
			Thread.onSpinWait();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return rebuild.get();
	}

	/** Builds a new index from the database and moves the alias to it. */
	synchronized void rebuild() throws IOException {
		Instant started = Instant.now();
		long total = repository.count();
		rebuild.set(new Rebuild(true, 0, total, null, started, null, null));
		try {
			String fresh = index.createNewIndex();
			rebuild.set(new Rebuild(true, 0, total, fresh, started, null, null));
			fill(fresh, total);
			index.pointAliasAt(fresh);
			// edits that reached the old index while this one filled
			List<String> changed = repository.findIdsUpdatedSince(started);
			for (int from = 0; from < changed.size(); from += PAGE) {
				index.index(repository.findAllById(changed.subList(from, Math.min(changed.size(), from + PAGE))));
			}
			Rebuild done = rebuild.get();
			rebuild.set(new Rebuild(false, done.done(), total, fresh, started, Instant.now(), null));
			log.info("search index {} rebuilt from the database: {} listings, {} changed meanwhile", fresh, done.done(),
					changed.size());
		}
		catch (IOException | RuntimeException ex) {
			Rebuild failed = rebuild.get();
			rebuild.set(new Rebuild(false, failed.done(), total, failed.index(), started, Instant.now(),
					ex.getClass().getSimpleName()));
			throw ex;
		}
	}

	/** Reads the database a page at a time, so a million listings never sit in memory at once. */
	private void fill(String concrete, long total) throws IOException {
		long done = 0;
		String after = null;
		List<Listing> page;
		while (!(page = repository.findPage(after, PAGE)).isEmpty()) {
			index.indexInto(concrete, page);
			done += page.size();
			after = page.get(page.size() - 1).id();
			Rebuild r = rebuild.get();
			if (r.running()) {
				rebuild.set(new Rebuild(true, done, total, r.index(), r.startedAt(), null, null));
			}
			if (done % (PAGE * 20) == 0) {
				log.info("search projection: {} of {} listings indexed", done, total);
			}
		}
	}

}
