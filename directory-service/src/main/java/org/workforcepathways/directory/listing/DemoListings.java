package org.workforcepathways.directory.listing;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.config.DirectoryProperties;

/**
 * Loads the sample directory named by {@code directory.demo-data} at start (./wrd up sets it). Adds only what is
 * missing, by id: starting twice changes nothing, and edits made since are kept. {@code ./wrd reset} starts over.
 */
@Component
@Order(2)
class DemoListings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoListings.class);

	private final DirectoryProperties properties;

	private final DirectoryStore store;

	private final JsonMapper json;

	DemoListings(DirectoryProperties properties, DirectoryStore store, JsonMapper json) {
		this.properties = properties;
		this.store = store;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Resource file = properties.demoData();
		if (file == null) {
			return;
		}
		DirectoryData data;
		try (InputStream in = file.getInputStream()) {
			data = json.readValue(in, DirectoryData.class);
		}
		int changed = store.saveMissing(data);
		log.info("demo directory loaded: {} organizations, {} locations, {} listings in file, {} listings new",
				data.organizations().size(), data.locations().size(), data.listings().size(), changed);
	}

}
