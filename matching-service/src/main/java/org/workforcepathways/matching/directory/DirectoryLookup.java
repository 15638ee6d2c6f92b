package org.workforcepathways.matching.directory;

import org.jspecify.annotations.Nullable;

import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The directory calls matching makes, each retried once after a short pause when the directory is unreachable or
 * fails (not when it says no): a restarting instance or a lost connection should not cost a person their answer.
 * Timeouts are the client's ({@code spring.http.serviceclient.directory.read-timeout}).
 */
@Component
public class DirectoryLookup {

	private final DirectoryClient client;

	protected DirectoryLookup(DirectoryClient client) {
		this.client = client;
	}

	@Retryable(includes = { ResourceAccessException.class, HttpServerErrorException.class }, maxRetries = 1, delay = 150)
	public DirectoryPage near(@Nullable String kind, String category, String zip, int radiusMiles, int size) {
		return client.near(kind, category, zip, radiusMiles, size);
	}

	@Retryable(includes = { ResourceAccessException.class, HttpServerErrorException.class }, maxRetries = 1, delay = 150)
	public DirectoryClient.ListingDetail listing(String id) {
		return client.listing(id);
	}

	@Retryable(includes = { ResourceAccessException.class, HttpServerErrorException.class }, maxRetries = 1, delay = 150)
	public DirectoryClient.ScreenerResult checkScreener(String listingId, java.util.Map<String, String> answers) {
		return client.checkScreener(listingId, java.util.Map.of("answers", answers));
	}

}
