package org.workforcepathways.directory.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.workforcepathways.platform.Problems;

/**
 * When Elasticsearch cannot be reached, search says so quickly as 503 problem+json; listings themselves stay safe in
 * PostgreSQL and reach the index when it returns. Only for the search controllers, and only the failures of
 * reaching Elasticsearch: its low-level client throws a plain {@code ConnectException} when the engine is down,
 * while an undecodable query is the caller's 400.
 */
@RestControllerAdvice(basePackageClasses = SearchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchErrors {

	private static final Logger log = LoggerFactory.getLogger(SearchErrors.class);

	@ExceptionHandler({ co.elastic.clients.transport.TransportException.class, java.net.ConnectException.class,
			java.net.SocketTimeoutException.class, org.apache.hc.core5.http.ConnectionClosedException.class,
			ElasticsearchException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		if (ex instanceof ElasticsearchException refused) {
			log.warn("search index refused a request: status {}, type {}", refused.status(),
					refused.error() == null ? "-" : refused.error().type());
		}
		else {
			log.warn("search index unreachable: {}", ex.getClass().getSimpleName());
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "10")
			.body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable",
					"Search is unavailable right now; try again shortly."));
	}

}
