package org.workforcepathways.directory.search;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;

/**
 * At start, makes sure the search index exists and holds what the database holds. A new index version is filled from
 * PostgreSQL (the system of record) before the alias moves to it, so searches never see an empty index; an index
 * lost or out of step is rebuilt the same way.
 */
@Component
@Order(1)
class ListingProjection implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ListingProjection.class);

	private static final int PAGE = 1000;

	private final ListingIndex index;

	private final ListingRepository repository;

	ListingProjection(ListingIndex index, ListingRepository repository) {
		this.index = index;
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		index.putTemplate();
		if (!index.currentIndexExists()) {
			index.createCurrentIndex();
			long filled = fill(true);
			log.info("filled search index {} from the database: {} listings", index.concreteName(), filled);
		}
		index.flipAlias();
		long inDatabase = repository.countSearchUnits();
		long inIndex = index.count();
		if (inDatabase != inIndex) {
			log.info("search index holds {} documents, database {}: rebuilding the projection", inIndex, inDatabase);
			fill(false);
		}
	}

	/** Reads the database a page at a time, so a million listings never sit in memory at once. */
	private long fill(boolean intoNewIndex) throws IOException {
		long done = 0;
		String after = null;
		List<Listing> page;
		while (!(page = repository.findPage(after, PAGE)).isEmpty()) {
			if (intoNewIndex) {
				index.indexIntoCurrent(page);
			}
			else {
				index.index(page);
			}
			done += page.size();
			after = page.get(page.size() - 1).id();
			if (done % (PAGE * 20) == 0) {
				log.info("search projection: {} listings indexed", done);
			}
		}
		return done;
	}

}
