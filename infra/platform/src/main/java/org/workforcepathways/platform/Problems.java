package org.workforcepathways.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is {@code application/problem+json} with a stable {@code type}. Bad input names each
 * field in {@code errors}; an unexpected failure says nothing of its cause (that goes to the log, with no personal
 * data).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Problems extends ResponseEntityExceptionHandler {

	public static final String TYPE_BASE = "https://workforcepathways.org/problems/";

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	/** Where Tomcat's message names the parameter it could not decode. */
	private static final Pattern UNDECODABLE = Pattern.compile("Parameter \\[([A-Za-z0-9_.\\[\\]-]{1,64})\\]");

	/** A problem with a given status, type suffix and detail, for controllers to throw. */
	public static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(URI.create(TYPE_BASE + type));
		return p;
	}

	/** The same problem as an exception a controller or service throws. */
	public static org.springframework.web.ErrorResponseException error(HttpStatus status, String type, String detail) {
		return new org.springframework.web.ErrorResponseException(status, problem(status, type, detail), null);
	}

	/** A 404; the same answer whether the thing does not exist or belongs to someone else, so ids cannot be probed. */
	public static org.springframework.web.ErrorResponseException notFound(String detail) {
		return error(HttpStatus.NOT_FOUND, "not-found", detail);
	}

	/** A 400 naming one bad field. */
	public static ProblemDetail badField(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	static ProblemDetail invalid(List<FieldProblem> errors) {
		String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid value for: " + fields + ".");
		p.setProperty("errors", errors.stream().map(FieldProblem::asMap).toList());
		return p;
	}

	/** One bad input: the parameter or field name and what is wrong with it. */
	public record FieldProblem(String field, String message) {

		Map<String, String> asMap() {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", field);
			m.put("message", message);
			return m;
		}

	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			var requestParam = result.getMethodParameter()
				.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
			if (requestParam != null && !requestParam.name().isEmpty()) {
				name = requestParam.name();
			}
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				// a field of a request body names itself; a parameter or header by its request name
				String field = error instanceof FieldError f ? f.getField() : name;
				errors.add(new FieldProblem(field, error.getDefaultMessage()));
			}
		});
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError e) -> new FieldProblem(e.getField(), e.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(badField(ex.getParameterName(), "is required"));
	}

	/** A body that is not JSON, or has a value of the wrong type: the problem names the JSON path of the value. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			for (var ref : d.getPath()) {
				if (ref.getPropertyName() != null) {
					field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					field.append('[').append(ref.getIndex()).append(']');
				}
			}
			return ResponseEntity.badRequest().body(badField(field.toString(), "has a value of the wrong type or form"));
		}
		return ResponseEntity.badRequest().body(badField("body", "must be a JSON document of the documented shape"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
		return ResponseEntity.badRequest().body(badField(ex.getName(), "must be a " + expected.toLowerCase()));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		return ResponseEntity.badRequest().body(invalid(ex.errors()));
	}

	// a @PreAuthorize refusal reaches the MVC layer; answer it here rather than as an unexpected failure
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, "forbidden", "Your role may not use this."));
	}

	/**
	 * A parameter Tomcat could not decode (bytes that are not UTF-8): a 400 naming it. Its value is not logged; it
	 * may be anything a visitor typed.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException ex) {
		var name = UNDECODABLE.matcher(String.valueOf(ex.getMessage()));
		return ResponseEntity.badRequest()
			.body(badField(name.find() ? name.group(1) : "query", "must be text encoded as UTF-8"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("unexpected failure: {}", ex.getClass().getName(), ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side."));
	}

}
