package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The launcher behind {@code ./wrd}: {@code up | down | status | logs [part] | reset | env}. The shell script finds a
 * JDK 21+, builds what is stale and then runs this class.
 */
public final class Wrd {

	static final String USAGE = """
			usage: ./wrd <command> [options]
			  up [--engines-only]   start the engines, then the services, load the demo data, print URLs
			  up --scale            the same with 3 Kafka brokers, 2 Elasticsearch nodes and 2 instances of each
			                        service (the 'scale' stack; ports 9080-9093, 16432, 19080, 20092-20113, 20200-20301)
			  down                  stop everything 'up' started
			  status                each part with its pid, port and health
			  logs [part] [-f]      the end of a part's log (all parts without a name); -f follows
			  reset                 stop everything and wipe .devstack/ (all data, logs, pids)
			  test                  run the test suite on the real engines (handled by the ./wrd script)
			  simulate [--days 30] [--scale 1] [--seed N]
			                        a month of made-up campaign traffic into the dev stack (./wrd script)
			options: --stack dev|test|scale (default dev; --scale is --stack scale)""";

	private Wrd() {
	}

	public static void main(String[] args) {
		try {
			System.exit(run(List.of(args)));
		}
		catch (DevstackException ex) {
			System.err.println("wrd: " + ex.getMessage());
			System.exit(1);
		}
	}

	static int run(List<String> args) {
		List<String> rest = new ArrayList<>(args);
		String stackName = option(rest, "--stack", rest.remove("--scale") ? "scale" : "dev");
		boolean enginesOnly = rest.remove("--engines-only");
		boolean follow = rest.remove("-f");
		if (rest.isEmpty()) {
			System.err.println(USAGE);
			return 2;
		}
		String command = rest.remove(0);
		Stack stack = Stack.named(stackName);
		switch (command) {
			case "up" -> up(stack, enginesOnly);
			case "down" -> down(stack);
			case "status" -> status(stack);
			case "logs" -> logs(stack, rest.isEmpty() ? null : rest.get(0), follow);
			case "reset" -> reset(stack);
			case "env" -> stack.enginesEnv().forEach((k, v) -> System.out.println(k + "=" + v));
			default -> {
				System.err.println("wrd: unknown command '" + command + "'\n" + USAGE);
				return 2;
			}
		}
		return 0;
	}

	private static String option(List<String> args, String name, String fallback) {
		int i = args.indexOf(name);
		if (i < 0) {
			return fallback;
		}
		if (i + 1 >= args.size()) {
			throw new DevstackException(name + " needs a value");
		}
		String value = args.get(i + 1);
		args.remove(i + 1);
		args.remove(i);
		return value;
	}

	static void up(Stack stack, boolean enginesOnly) {
		long t0 = System.nanoTime();
		System.out.println("Starting the engines of the '" + stack.context().stack() + "' stack...");
		stack.upEngines(Wrd::say);
		if (!enginesOnly) {
			System.out.println("Starting the services...");
			stack.upServices(Wrd::say);
		}
		System.out.printf(Locale.ROOT, "Ready in %.1f s.%n%n", (System.nanoTime() - t0) / 1e9);
		System.out.println(summary(stack, enginesOnly));
	}

	private static synchronized void say(String line) {
		System.out.println(line);
	}

	static String summary(Stack stack, boolean enginesOnly) {
		StringBuilder sb = new StringBuilder();
		Ports p = stack.context().ports();
		if (!enginesOnly) {
			sb.append("""
					Workforce Pathways is up.
					  Gateway (everything goes through it): http://localhost:%1$d
					    search:  curl 'http://localhost:%1$d/api/directory/search?q=welding'
					  API docs: http://localhost:%2$d/swagger-ui.html (directory), \
					http://localhost:%3$d/swagger-ui.html (matching), http://localhost:%4$d/swagger-ui.html (metrics)
					""".formatted(p.gateway(), p.directory(), p.matching(), p.metrics()));
		}
		sb.append("""
				Engines:
				  Keycloak:      http://localhost:%d/admin  (admin / admin), realm 'workforce'
				  Elasticsearch: %s
				  Kafka:         %s
				  PostgreSQL:    127.0.0.1:%d (databases directory, matching, metrics; user = password = database)
				Demo logins (realm 'workforce', password 'demo' for all; client 'wrd-cli' gives tokens to curl):
				  jobseeker@demo.wrd  case.manager@demo.wrd  provider@demo.wrd  city.staff@demo.wrd  admin@demo.wrd
				Stop with ./wrd down%5$s; see ./wrd status%5$s and ./wrd logs <part>%5$s.
				""".formatted(p.keycloak(), stack.enginesEnv().get("WRD_ELASTICSEARCH_URL"),
				stack.enginesEnv().get("WRD_KAFKA_BOOTSTRAP"), p.postgres(), stack.context().scaled() ? " --scale" : ""));
		return sb.toString();
	}

	static void down(Stack stack) {
		List<String> stopped = stack.down();
		System.out.println(stopped.isEmpty() ? "Nothing of the '" + stack.context().stack() + "' stack was running."
				: "Stopped " + String.join(", ", stopped) + ".");
	}

	static void status(Stack stack) {
		System.out.printf("%-20s %-8s %-6s %s%n", "part", "pid", "port", "health");
		for (Part part : stack.all()) {
			var process = part.process();
			String health = process.isEmpty() ? "stopped" : part.healthy() ? "healthy" : "unhealthy";
			System.out.printf("%-20s %-8s %-6d %s%n", part.name(),
					process.map(ph -> Long.toString(ph.pid())).orElse("-"), part.port(), health);
		}
	}

	static void logs(Stack stack, String name, boolean follow) {
		List<Part> parts = name == null ? stack.all() : List.of(stack.part(name));
		for (Part part : parts) {
			if (parts.size() > 1) {
				System.out.println("==> " + part.logFile() + " <==");
			}
			System.out.println(Logs.tail(part.logFile(), parts.size() > 1 ? 15 : 100));
		}
		if (follow && parts.size() == 1) {
			follow(parts.get(0).logFile());
		}
	}

	private static void follow(Path file) {
		try {
			long pos = Files.exists(file) ? Files.size(file) : 0;
			while (true) {
				Part.sleep(Duration.ofMillis(500));
				if (Files.exists(file) && Files.size(file) > pos) {
					try (var raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
						raf.seek(pos);
						byte[] b = new byte[(int) (raf.length() - pos)];
						raf.readFully(b);
						System.out.print(new String(b, java.nio.charset.StandardCharsets.UTF_8));
						pos = raf.length();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void reset(Stack stack) {
		Layout layout = stack.context().layout();
		for (String name : List.of("dev", "test", "scale")) {
			Stack s = name.equals(stack.context().stack()) ? stack
					: new Stack(new StackContext(layout, name, System::getenv));
			s.down();
		}
		Unpack.deleteTree(layout.devstack());
		System.out.println("Wiped " + layout.devstack() + ".");
	}

}
