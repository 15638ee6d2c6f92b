package org.workforcepathways.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services are: each one address, or a comma-separated list of its instances, which the routes
 * ({@code lb://} in {@code application.yaml}) take in turn. A missing or malformed address fails at start rather
 * than at the first request.
 */
@Validated
@ConfigurationProperties("wrd.gateway")
record ServiceRoutes(@NotEmpty List<URI> directoryUri, @NotEmpty List<URI> matchingUri,
		@NotEmpty List<URI> metricsUri) {

	/** The service ids the routes name after {@code lb://}. */
	Map<String, List<URI>> instances() {
		return Map.of("directory-service", directoryUri, "matching-service", matchingUri, "metrics-service", metricsUri);
	}

}
