package org.workforcepathways.platform;

import java.util.List;

import org.workforcepathways.platform.Problems.FieldProblem;

/** Thrown by a feature's own validation; answered as a 400 problem that names each field. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidInputException(List<FieldProblem> errors) {
		super("invalid input: " + errors.stream().map(FieldProblem::field).toList());
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
