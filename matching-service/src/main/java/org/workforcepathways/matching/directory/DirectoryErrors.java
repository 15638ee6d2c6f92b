package org.workforcepathways.matching.directory;

import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import org.workforcepathways.platform.Problems;

/**
 * When the directory is slow, down or answers nonsense, matching says so plainly: 504, 503 or 502 problem+json,
 * never a 500 and never a hang past the configured read timeout.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectoryErrors {

	private static final Logger log = LoggerFactory.getLogger(DirectoryErrors.class);

	@ExceptionHandler(ResourceAccessException.class)
	ResponseEntity<ProblemDetail> unreachable(ResourceAccessException ex) {
		if (isTimeout(ex)) {
			log.warn("directory-service timed out");
			return answer(HttpStatus.GATEWAY_TIMEOUT, "directory-timeout", "The directory did not answer in time.");
		}
		log.warn("directory-service unreachable: {}", ex.getMostSpecificCause().getClass().getSimpleName());
		return answer(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "The directory is unavailable.");
	}

	@ExceptionHandler(RestClientResponseException.class)
	ResponseEntity<ProblemDetail> refused(RestClientResponseException ex) {
		log.warn("directory-service answered {}", ex.getStatusCode().value());
		return answer(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "The directory is unavailable.");
	}

	@ExceptionHandler(RestClientException.class)
	ResponseEntity<ProblemDetail> malformed(RestClientException ex) {
		log.warn("directory-service answered something unreadable: {}", ex.getClass().getSimpleName());
		return answer(HttpStatus.BAD_GATEWAY, "directory-bad-answer", "The directory answered in a way we cannot read.");
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String type, String detail) {
		return ResponseEntity.status(status).body(Problems.problem(status, type, detail));
	}

}
