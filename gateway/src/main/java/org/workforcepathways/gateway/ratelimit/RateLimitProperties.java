package org.workforcepathways.gateway.ratelimit;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Requests per minute a caller may send: anonymous callers counted by client address, signed-in callers by user.
 * {@code routes} overrides the default for a route id (directory, matching, metrics).
 */
@Validated
@ConfigurationProperties("wrd.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @Valid @DefaultValue Limit defaults,
		@DefaultValue Map<String, @Valid Limit> routes, @DefaultValue("100000") @Min(100) long maxTrackedCallers) {

	public Limit forRoute(String routeId) {
		return routes.getOrDefault(routeId, defaults);
	}

	/**
	 * @param anonymousPerMinute for callers without a session or token, per client address
	 * @param signedInPerMinute for signed-in callers, per user
	 */
	public record Limit(@DefaultValue("120") @Min(1) long anonymousPerMinute,
			@DefaultValue("600") @Min(1) long signedInPerMinute) {

	}

}
