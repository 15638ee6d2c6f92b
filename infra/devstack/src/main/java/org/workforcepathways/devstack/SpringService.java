package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One of the four Spring Boot services, run from its module's executable jar with the stack's addresses. */
final class SpringService extends Part {

	private final String module;

	private final int port;

	private final Map<String, String> properties;

	SpringService(StackContext ctx, String name, String module, int port, Map<String, String> properties) {
		super(ctx, name);
		this.module = module;
		this.port = port;
		this.properties = properties;
	}

	@Override
	public int port() {
		return port;
	}

	@Override
	public String url() {
		return "http://localhost:" + port;
	}

	Path jar() {
		Path target = ctx.layout().root().resolve(module).resolve("target");
		try (Stream<Path> s = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return s.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new DevstackException(module + ": no executable jar in " + target
						+ "; build it with './mvnw -DskipTests package' (./wrd up does this when sources changed)."));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	protected Launch prepare() {
		List<String> cmd = new ArrayList<>(List.of(ctx.java().toString(), "-Xms64m", "-Xmx" + heap(), "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dwrd.stack=" + ctx.dir(), "-jar", jar().toString(), "--server.port=" + port));
		properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
		return new Launch(cmd, ctx.layout().root(), Map.of(), false);
	}

	private String heap() {
		String h = ctx.env("WRD_SERVICE_HEAP");
		return h == null || h.isBlank() ? "320m" : h;
	}

	@Override
	public boolean healthy() {
		return Net.ok("http://127.0.0.1:" + port + "/actuator/health/readiness");
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(180);
	}

}
