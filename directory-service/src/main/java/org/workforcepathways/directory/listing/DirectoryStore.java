package org.workforcepathways.directory.listing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.workforcepathways.directory.search.ListingIndex;

/**
 * Writes directory data to the system of record and keeps the search projection in step: whatever changed is
 * reindexed right after the transaction, including listings whose organization or location changed.
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

	DirectoryStore(OrganizationRepository organizations, LocationRepository locations, ListingRepository listings,
			ListingIndex index, TransactionTemplate transaction) {
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
		List<Listing> all = data.listings();
		int listingsChanged = 0;
		for (int from = 0; from < all.size(); from += BATCH) {
			List<Listing> batch = all.subList(from, Math.min(all.size(), from + BATCH));
			List<String> saved = transaction.execute(tx -> batch.stream().filter(listings::save).map(Listing::id).toList());
			reindex(saved);
			listingsChanged += saved.size();
			if ((from + BATCH) % PROGRESS_EVERY == 0) {
				log.info("directory import: {} of {} listings written and indexed", from + BATCH, all.size());
			}
		}
		changed.removeAll(data.listings().stream().map(Listing::id).toList());
		return listingsChanged + changed.size();
	}

	private void reindex(List<String> ids) {
		try {
			for (int from = 0; from < ids.size(); from += BATCH) {
				index.index(listings.findAllById(ids.subList(from, Math.min(ids.size(), from + BATCH))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
