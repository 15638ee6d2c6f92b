package org.workforcepathways.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services are. The routes themselves are in {@code application.yaml}; this record makes a missing or
 * malformed address fail at start rather than at the first request.
 */
@Validated
@ConfigurationProperties("wrd.gateway")
record ServiceRoutes(@NotNull URI directoryUri, @NotNull URI matchingUri, @NotNull URI metricsUri) {

}
