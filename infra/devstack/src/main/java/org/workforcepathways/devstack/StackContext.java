package org.workforcepathways.devstack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** Everything the parts of one stack share: where it lives, its ports, the engines and the user to run as. */
public final class StackContext {

	private final Layout layout;

	private final String stack;

	private final Ports ports;

	private final Function<String, String> env;

	private EngineArtifacts artifacts;

	private UnprivilegedUser user;

	public StackContext(Layout layout, String stack, Function<String, String> env) {
		if (!stack.matches("[a-z][a-z0-9-]{0,20}")) {
			throw new DevstackException("stack name must be lower-case letters, digits or '-', was '" + stack + "'");
		}
		this.layout = layout;
		this.stack = stack;
		this.env = env;
		this.ports = Ports.forStack(stack, env);
	}

	public Layout layout() {
		return layout;
	}

	public String stack() {
		return stack;
	}

	public Ports ports() {
		return ports;
	}

	public String env(String name) {
		return env.apply(name);
	}

	/**
	 * The {@code scale} stack runs several of everything that can run several: 3 Kafka brokers, 2 Elasticsearch nodes
	 * and 2 instances of each service behind one gateway (docs/operations.md).
	 */
	public boolean scaled() {
		return "scale".equals(stack);
	}

	/** Kafka brokers of this stack. */
	public int brokers() {
		return scaled() ? 3 : 1;
	}

	/** Elasticsearch nodes of this stack. */
	public int searchNodes() {
		return scaled() ? 2 : 1;
	}

	/** Instances of each service (the gateway is one). */
	public int instances() {
		return scaled() ? 2 : 1;
	}

	public Path dir() {
		return layout.stack(stack);
	}

	public Path logs() {
		return dir().resolve("logs");
	}

	Path pids() {
		return dir().resolve("pids");
	}

	/** A string that appears in the command line of every process of this stack (see {@link Part#process()}). */
	String marker() {
		return layout.devstack().toString();
	}

	String portVariable(String part) {
		return Ports.prefix(stack) + part.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
	}

	public synchronized EngineArtifacts artifacts() {
		if (artifacts == null) {
			artifacts = EngineArtifacts.load(layout);
		}
		return artifacts;
	}

	public synchronized UnprivilegedUser user() {
		if (user == null) {
			user = UnprivilegedUser.forCurrentProcess(layout);
		}
		return user;
	}

	/** The JDK this launcher runs on (21+, checked by ./wrd), used for every JVM it starts. */
	public Path javaHome() {
		return Path.of(System.getProperty("java.home"));
	}

	public Path java() {
		return javaHome().resolve("bin/java");
	}

}
