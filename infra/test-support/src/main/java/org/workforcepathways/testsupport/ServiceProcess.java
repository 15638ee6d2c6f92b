package org.workforcepathways.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One service started from its executable jar in a process of its own, with properties of the test's choosing: for
 * tests and benchmarks that need to kill, restart or load a service apart from the shared stack.
 */
public final class ServiceProcess implements AutoCloseable {

	private final List<String> command;

	private final int port;

	private final Path log;

	private Process process;

	private ServiceProcess(List<String> command, int port, Path log) {
		this.command = command;
		this.port = port;
		this.log = log;
	}

	/**
	 * @param module the Maven module, e.g. {@code directory-service}; its {@code target/*-exec.jar} is run
	 * @param root the repository root
	 * @param log where its output goes (appended, so a restart keeps the first run's lines)
	 */
	public static ServiceProcess of(Path root, String module, int port, String heap, Map<String, String> properties,
			Path log) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx" + heap, "-jar", executableJar(root.resolve(module).resolve("target")).toString(),
				"--server.port=" + port));
		properties.forEach((k, v) -> command.add("--" + k + "=" + v));
		return new ServiceProcess(command, port, log);
	}

	private static Path executableJar(Path target) {
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no executable jar in " + target + "; run ./mvnw package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts it and waits until it reports ready, calling {@code waiting} every 30 s with the seconds so far. */
	public ServiceProcess start(Duration timeout, Consumer<Long> waiting) {
		try {
			Files.createDirectories(log.getParent());
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
		Instant started = Instant.now();
		Instant said = started;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (!ready(http)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(command.get(3) + " stopped while starting; see " + log);
			}
			if (Duration.between(started, Instant.now()).compareTo(timeout) > 0) {
				kill();
				throw new IllegalStateException("not ready within " + timeout + "; see " + log);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (Duration.between(said, Instant.now()).toSeconds() >= 30) {
				said = Instant.now();
				waiting.accept(Duration.between(started, said).toSeconds());
			}
		}
		return this;
	}

	private boolean ready(HttpClient http) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public String url() {
		return "http://127.0.0.1:" + port;
	}

	public Path log() {
		return log;
	}

	/** SIGKILL, as a crash or {@code kill -9}: no shutdown hooks, no flushing, nothing finished. */
	public void kill() {
		if (process != null && process.isAlive()) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
			}
		}
	}

}
