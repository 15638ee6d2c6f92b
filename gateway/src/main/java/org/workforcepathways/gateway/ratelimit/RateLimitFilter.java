package org.workforcepathways.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import org.workforcepathways.gateway.errors.ProblemResponses;

/**
 * Token buckets per route and caller (Bucket4j): over the limit the caller gets 429 problem+json with
 * {@code Retry-After}. Signed-in users have their own bucket, so an anonymous flood from one address never slows
 * them down. Buckets live in this gateway's memory (bounded, idle ones expire); with several gateway instances each
 * enforces its own share.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	RateLimitFilter(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxTrackedCallers())
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!properties.enabled()) {
			return chain.filter(exchange);
		}
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String routeId = route == null ? "none" : route.getId();
		RateLimitProperties.Limit limit = properties.forRoute(routeId);
		return exchange.getPrincipal()
			.map(p -> "user:" + name(p))
			.defaultIfEmpty("addr:" + address(exchange))
			.flatMap(caller -> {
				boolean signedIn = caller.startsWith("user:");
				long perMinute = signedIn ? limit.signedInPerMinute() : limit.anonymousPerMinute();
				Bucket bucket = buckets.get(routeId + "|" + caller, k -> newBucket(perMinute));
				ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
				if (probe.isConsumed()) {
					exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
					return chain.filter(exchange);
				}
				long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
				exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
				return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
						"Too many requests; try again in " + seconds + " s.");
			});
	}

	private static Bucket newBucket(long perMinute) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	private static String name(Principal principal) {
		return principal.getName();
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

}
