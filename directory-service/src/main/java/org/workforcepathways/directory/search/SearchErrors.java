package org.workforcepathways.directory.search;

import java.io.IOException;

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
 * PostgreSQL and reach the index when it returns. Only for the search controllers, where an I/O failure is
 * Elasticsearch's: its low-level client throws a plain {@code ConnectException} when the engine is down.
 */
@RestControllerAdvice(basePackageClasses = SearchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchErrors {

	private static final Logger log = LoggerFactory.getLogger(SearchErrors.class);

	@ExceptionHandler({ IOException.class, ElasticsearchException.class })
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
