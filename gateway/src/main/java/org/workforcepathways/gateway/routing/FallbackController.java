package org.workforcepathways.gateway.routing;

import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import org.workforcepathways.gateway.errors.ProblemResponses;

/**
 * Where a route's circuit breaker sends a request its service could not take: 504 when it timed out, 503 when the
 * service is down or its breaker is open. Either way quickly, and as problem+json.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause instanceof TimeoutException) {
			return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
					"The " + label(service) + " did not answer in time.");
		}
		exchange.getResponse().getHeaders().set("Retry-After", "10");
		return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + label(service) + " is unavailable; try again shortly.");
	}

	/**
	 * A campaign link whose landing cannot be recorded still takes the person to the directory: someone scanning a
	 * poster should never meet an error page. The landing goes uncounted.
	 */
	@RequestMapping("/fallback/campaign-link")
	Mono<Void> campaignLink(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.FOUND);
		exchange.getResponse().getHeaders().setLocation(java.net.URI.create("/"));
		exchange.getResponse().getHeaders().setCacheControl("no-store");
		return exchange.getResponse().setComplete();
	}

	private static String label(String service) {
		return switch (service) {
			case "directory" -> "directory";
			case "matching" -> "matching service";
			case "metrics" -> "metrics service";
			default -> "service";
		};
	}

}
