package org.workforcepathways.directory.listing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.workforcepathways.directory.search.ListingIndex;

/**
 * Writes directory data to the system of record and keeps the search projection in step: whatever changed is
 * reindexed right after the transaction, including listings whose organization or location changed.
 */
@Service
public class DirectoryStore {

	private static final int INDEX_BATCH = 500;

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

	/** Saves everything in one transaction; returns how many listings changed (and were reindexed). */
	public int save(DirectoryData data) {
		Set<String> changed = transaction.execute(tx -> write(data));
		List<String> ids = List.copyOf(changed);
		try {
			for (int from = 0; from < ids.size(); from += INDEX_BATCH) {
				index.index(listings.findAllById(ids.subList(from, Math.min(ids.size(), from + INDEX_BATCH))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return changed.size();
	}

	private Set<String> write(DirectoryData data) {
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
		for (Listing l : data.listings()) {
			if (listings.save(l)) {
				changed.add(l.id());
			}
		}
		return changed;
	}

}
