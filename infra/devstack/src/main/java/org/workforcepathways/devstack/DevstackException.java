package org.workforcepathways.devstack;

/** A failure the launcher explains in one message (which part, what to look at), without a stack trace. */
public class DevstackException extends RuntimeException {

	public DevstackException(String message) {
		super(message);
	}

	public DevstackException(String message, Throwable cause) {
		super(message, cause);
	}

}
