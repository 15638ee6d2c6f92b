package org.workforcepathways.gateway.errors;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself raises becomes problem+json: no route (404), a service that cannot be reached (503)
 * or does not answer in time (504), anything else (500, with nothing of its cause).
 */
@Component
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ResponseStatusException rse) {
			HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
			if (status == null) {
				status = HttpStatus.INTERNAL_SERVER_ERROR;
			}
			if (status == HttpStatus.GATEWAY_TIMEOUT) {
				return ProblemResponses.write(exchange, status, "service-timeout", "The service did not answer in time.");
			}
			if (status.is5xxServerError()) {
				log.warn("gateway error {} on {}", status.value(), exchange.getRequest().getPath().value());
				return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
						"The service is unavailable; try again shortly.");
			}
			return ProblemResponses.write(exchange, status, status == HttpStatus.NOT_FOUND ? "not-found" : "request-error",
					status == HttpStatus.NOT_FOUND ? "Nothing here." : status.getReasonPhrase() + ".");
		}
		if (ex instanceof TimeoutException) {
			return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
					"The service did not answer in time.");
		}
		if (isConnectionFailure(ex)) {
			return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"The service is unavailable; try again shortly.");
		}
		log.error("unexpected gateway failure: {}", ex.getClass().getName(), ex);
		return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal",
				"Something went wrong on our side.");
	}

	private static boolean isConnectionFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
					|| t.getClass().getName().startsWith("io.netty.channel")) {
				return true;
			}
		}
		return false;
	}

}
