package org.workforcepathways.directory.outcome;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.config.DirectoryProperties;

/** Loads the sample outcomes named by {@code directory.demo-outcomes} after the sample listings. */
@Component
@Order(3)
class DemoOutcomes implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOutcomes.class);

	private final DirectoryProperties properties;

	private final ProgramOutcomes outcomes;

	DemoOutcomes(DirectoryProperties properties, ProgramOutcomes outcomes) {
		this.properties = properties;
		this.outcomes = outcomes;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Resource file = properties.demoOutcomes();
		if (file == null) {
			return;
		}
		try (InputStream in = file.getInputStream()) {
			var report = outcomes.importCsv(in, true);
			log.info("demo outcomes: {} rows, {} saved, {} rejected", report.size(),
					report.stream().filter(r -> r.outcome().equals("saved")).count(),
					report.stream().filter(r -> r.outcome().equals("rejected")).count());
		}
	}

}
