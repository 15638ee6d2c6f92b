package org.workforcepathways.directory.search;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

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
			index.indexIntoCurrent(repository.findAll());
			log.info("filled search index {} from the database", index.concreteName());
		}
		index.flipAlias();
		long inDatabase = repository.count();
		long inIndex = index.count();
		if (inDatabase != inIndex) {
			log.info("search index holds {} listings, database {}: rebuilding the projection", inIndex, inDatabase);
			index.index(repository.findAll());
		}
	}

}
