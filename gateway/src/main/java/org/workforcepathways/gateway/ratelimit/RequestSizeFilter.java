package org.workforcepathways.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.workforcepathways.gateway.errors.ProblemResponses;

/**
 * Refuses a request body over the configured size before anything else looks at it (it runs in the security chain
 * right after the header writer, so before the token and CSRF checks): 413 problem+json.
 */
public class RequestSizeFilter implements WebFilter {

	private final DataSize maxRequestSize;

	public RequestSizeFilter(RequestLimits limits) {
		this.maxRequestSize = limits.maxSize();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxRequestSize.toBytes()) {
			return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large",
					"The request body is larger than " + maxRequestSize.toKilobytes() + " kB.");
		}
		return chain.filter(exchange);
	}

}
