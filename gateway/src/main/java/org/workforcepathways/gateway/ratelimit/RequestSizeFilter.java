package org.workforcepathways.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import org.workforcepathways.gateway.errors.ProblemResponses;

/** Refuses a request body over the configured size before it reaches a service: 413 problem+json. */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

	private final DataSize maxRequestSize;

	RequestSizeFilter(RequestLimits limits) {
		this.maxRequestSize = limits.maxSize();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxRequestSize.toBytes()) {
			return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large",
					"The request body is larger than " + maxRequestSize.toKilobytes() + " kB.");
		}
		return chain.filter(exchange);
	}

}
