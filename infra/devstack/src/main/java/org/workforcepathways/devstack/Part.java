package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process of the stack (an engine or a service). It runs detached, its output goes to {@code logs/<name>.log} and
 * its pid to {@code pids/<name>.pid}, so {@code down} stops exactly what {@code up} started.
 */
public abstract class Part {

	protected final StackContext ctx;

	private final String name;

	protected Part(StackContext ctx, String name) {
		this.ctx = ctx;
		this.name = name;
	}

	public String name() {
		return name;
	}

	/** The port people connect to, reported by status and checked before start. */
	public abstract int port();

	/** Other ports this part binds, checked for conflicts before start. */
	protected List<Integer> extraPorts() {
		return List.of();
	}

	/** What to open in a browser or client, for the summary. */
	public abstract String url();

	/** Prepares files (unpack, configure, format) and returns the command to run. */
	protected abstract Launch prepare();

	/** True when the part answers its health check. */
	public abstract boolean healthy();

	/** How long a start may take on a 2-core machine before it counts as failed. */
	protected abstract Duration startTimeout();

	/** Work after the part is healthy (create databases, topics). */
	protected void afterHealthy() {
	}

	public Path logFile() {
		return ctx.logs().resolve(name + ".log");
	}

	Path pidFile() {
		return ctx.pids().resolve(name + ".pid");
	}

	/** The process recorded in the pid file, if it still runs and is ours. */
	public Optional<ProcessHandle> process() {
		if (!Files.isRegularFile(pidFile())) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile()).trim());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	// A pid can be reused after a reboot: only a process whose command line names this stack's folder is ours.
	private boolean isOurs(ProcessHandle p) {
		return p.info().commandLine().map(c -> c.contains(ctx.marker())).orElse(true);
	}

	public boolean running() {
		return process().isPresent();
	}

	/** Starts the part unless it already runs; returns false when it was already running. */
	public boolean start() {
		if (running()) {
			return false;
		}
		for (int port : allPorts()) {
			if (Net.portBusy(port)) {
				throw new DevstackException(name + ": port " + port + " is busy (another program uses it). Stop that "
						+ "program or choose another port, e.g. " + ctx.portVariable(name) + "=<port>.");
			}
		}
		Launch launch = prepare();
		Layout.mkdirs(ctx.logs());
		Layout.mkdirs(ctx.pids());
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			command.add("/usr/bin/setsid"); // own session: closing the terminal does not stop the stack
		}
		if (launch.unprivileged()) {
			command.addAll(ctx.user().wrap());
		}
		command.addAll(launch.command());
		ProcessBuilder pb = new ProcessBuilder(command).directory(launch.workDir().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
		pb.environment().putAll(launch.env());
		try {
			Files.writeString(logFile(), "---- " + Instant.now() + " starting " + name + "\n",
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			Process process = pb.start();
			Files.writeString(pidFile(), Long.toString(process.pid()));
		}
		catch (IOException ex) {
			throw new DevstackException(name + " could not be started: " + ex.getMessage() + " (log: " + logFile() + ")",
					ex);
		}
		return true;
	}

	private List<Integer> allPorts() {
		List<Integer> ports = new ArrayList<>();
		ports.add(port());
		ports.addAll(extraPorts());
		return ports;
	}

	/** Waits for health, then runs {@link #afterHealthy()}; explains a failure with the log's last lines. */
	public void awaitHealthy() {
		Instant deadline = Instant.now().plus(startTimeout());
		while (!healthy()) {
			if (process().isEmpty()) {
				throw failure("stopped while starting");
			}
			if (Instant.now().isAfter(deadline)) {
				throw failure("did not become healthy within " + startTimeout().toSeconds() + " s");
			}
			sleep(Duration.ofMillis(500));
		}
		afterHealthy();
	}

	DevstackException failure(String what) {
		return new DevstackException(name + " " + what + ". Its log is " + logFile() + "; last lines:\n"
				+ Logs.tail(logFile(), 25).indent(4));
	}

	/** Stops the process and everything it started: SIGTERM, then SIGKILL after the grace period. */
	public boolean stop() {
		Optional<ProcessHandle> p = process();
		if (p.isEmpty()) {
			deletePidFile();
			return false;
		}
		ProcessHandle root = p.get();
		List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
		tree.add(0, root);
		tree.forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(200));
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		deletePidFile();
		return true;
	}

	/** Kills the process and everything it started at once (SIGKILL), as a crash would; for fault tests. */
	public boolean kill() {
		Optional<ProcessHandle> p = process();
		if (p.isEmpty()) {
			return false;
		}
		List<ProcessHandle> tree = new ArrayList<>(p.get().descendants().toList());
		tree.add(0, p.get());
		tree.forEach(ProcessHandle::destroyForcibly);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(100));
		}
		deletePidFile();
		return true;
	}

	private void deletePidFile() {
		try {
			Files.deleteIfExists(pidFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

	static void sleep(Duration d) {
		try {
			Thread.sleep(d);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DevstackException("interrupted");
		}
	}

	/**
	 * How to run a part.
	 * @param command the program and its arguments
	 * @param workDir where it runs
	 * @param env extra environment
	 * @param unprivileged whether to drop root (Elasticsearch and PostgreSQL refuse to run as root)
	 */
	protected record Launch(List<String> command, Path workDir, Map<String, String> env, boolean unprivileged) {

	}

}
