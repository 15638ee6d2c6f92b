package org.workforcepathways.directory.listing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.search.ListingIndex;

/**
 * Loads the sample listings named by {@code directory.demo-data} at start (./wrd up sets it). Upserts by id, so
 * starting twice changes nothing; what changed is indexed right away.
 */
@Component
@Order(2)
class DemoListings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoListings.class);

	private final DirectoryProperties properties;

	private final ListingRepository repository;

	private final ListingIndex index;

	private final JsonMapper json;

	DemoListings(DirectoryProperties properties, ListingRepository repository, ListingIndex index, JsonMapper json) {
		this.properties = properties;
		this.repository = repository;
		this.index = index;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Resource file = properties.demoData();
		if (file == null) {
			return;
		}
		List<Listing> listings;
		try (InputStream in = file.getInputStream()) {
			listings = json.readValue(in, new TypeReference<List<Listing>>() {
			});
		}
		List<Listing> changed = listings.stream().filter(repository::upsert).toList();
		if (!changed.isEmpty()) {
			index.index(changed.stream().map(l -> repository.findById(l.id()).orElseThrow()).toList());
		}
		log.info("demo listings loaded: {} in file, {} new or changed", listings.size(), changed.size());
	}

}
