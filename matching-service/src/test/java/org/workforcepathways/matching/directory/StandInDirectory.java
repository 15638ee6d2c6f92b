package org.workforcepathways.matching.directory;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.workforcepathways.testsupport.TestEngines;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * For tests of matching against a stand-in directory (WireMock): the service runs on its real database and engines,
 * and reads the directory from the stand-in, so a test can make it slow, failing or nonsensical. One stand-in serves
 * every such test class (they share one application context); it stops with the test JVM.
 */
public abstract class StandInDirectory {

	protected static final WireMockServer directory = new WireMockServer(options().dynamicPort());

	static {
		directory.start();
	}

	@DynamicPropertySource
	static void directoryUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.directory.base-url", directory::baseUrl);
		TestEngines.register(registry, "matching_it");
	}

}
