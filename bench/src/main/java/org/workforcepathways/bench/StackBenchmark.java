package org.workforcepathways.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole stack as {@code ./wrd up} runs it: how long {@code up} takes cold (an empty folder: engines unpacked,
 * databases created, realm imported, demo directory loaded and indexed) and warm (the same folder again), and the
 * memory of each part at idle and under load (searches through the gateway with wrk while a campaign month of events
 * is published). Runs the launcher in its own folder ({@code bench/target/stack-bench}) on the dev ports, so it
 * refuses to start while a dev stack is up. Writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run stack [load seconds=30]}
 */
public final class StackBenchmark {

	private static final List<String> PARTS = List.of("postgres", "elasticsearch", "kafka", "keycloak",
			"directory-service", "matching-service", "metrics-service", "gateway");

	private static final List<String> ENGINES = PARTS.subList(0, 4);

	private StackBenchmark() {
	}

	/** Memory of one part: resident set (RSS) and proportional set (PSS, shared pages split among processes). */
	record Memory(long rssKb, long pssKb) {

		static final Memory NONE = new Memory(0, 0);

		Memory plus(Memory o) {
			return new Memory(rssKb + o.rssKb, pssKb + o.pssKb);
		}

		Memory max(Memory o) {
			return new Memory(Math.max(rssKb, o.rssKb), Math.max(pssKb, o.pssKb));
		}

	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		Path launcher = root.resolve("infra/devstack/target/devstack-0.1.0-SNAPSHOT-exec.jar");
		Path folder = root.resolve("bench/target/stack-bench");
		if (!Files.isRegularFile(launcher)) {
			throw new IllegalStateException("the launcher is not built: run ./mvnw -DskipTests install first");
		}
		if (answers("http://localhost:8080/actuator/health/liveness")) {
			throw new IllegalStateException("a stack answers on http://localhost:8080: stop it with ./wrd down first "
					+ "(this benchmark starts its own on the dev ports)");
		}
		Wrk.version();
		launch(root, launcher, folder, "reset"); // cold: nothing left of an earlier run
		try {
			double cold = up(root, launcher, folder);
			log("cold up: %.1f s", cold);
			Thread.sleep(20_000); // let start-up work (indexing, JIT, first GC) settle before "idle"
			Map<String, Memory> idle = sample(folder);
			log("idle: %s", idle);
			Load load = underLoad(root, folder, seconds);
			log("under load: %s; %d searches, %d failed", load.peak(), load.searches(), load.errors());
			down(root, launcher, folder);
			double warm = up(root, launcher, folder);
			log("warm up: %.1f s", warm);
			down(root, launcher, folder);
			write(root.resolve("docs/benchmarks.md"), seconds, cold, warm, idle, load);
		}
		finally {
			down(root, launcher, folder);
		}
	}

	record Load(Map<String, Memory> peak, long searches, long errors, double perSecond, long events) {

	}

	private static Load underLoad(Path root, Path folder, int seconds) throws Exception {
		Path script = Wrk.script(folder.resolve("stack-search.lua"),
				List.of("/api/directory/search?q=welding", "/api/directory/search?q=cnc&zip=60633&radiusMiles=10",
						"/api/directory/search?category=childcare&language=es", "/api/directory/search?q=forklift",
						"/api/directory/suggest?q=wel"),
				// signed in: one anonymous address this fast is what the rate limiter is there to stop
				"Bearer " + org.workforcepathways.testsupport.Tokens.accessToken("http://localhost:18080/realms/workforce",
						"jobseeker@demo.wrd"));
		// a campaign month of events into Kafka for metrics-service, as ./wrd simulate publishes it
		Path metricsJar = root.resolve("metrics-service/target/metrics-service-0.1.0-SNAPSHOT-exec.jar");
		Process simulate = new ProcessBuilder(java(), "-cp", metricsJar.toString(),
				"-Dloader.main=org.workforcepathways.metrics.simulation.CampaignSimulator",
				"org.springframework.boot.loader.launch.PropertiesLauncher", "--bootstrap", "127.0.0.1:19092", "--listings",
				root.resolve("infra/demo-data/calumet-listings.json").toString(), "--scale", "5")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("simulate.log").toFile())
			.start();
		Map<String, Memory> peak = new LinkedHashMap<>();
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					sample(folder).forEach((k, v) -> {
						synchronized (peak) {
							peak.merge(k, v, Memory::max);
						}
					});
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		var run = Wrk.run("gateway", "http://localhost:8080", script, 8, seconds);
		if (run.errors() > run.requests() / 100) {
			throw new IllegalStateException(run.errors() + " of " + run.requests() + " searches failed under load");
		}
		if (!simulate.waitFor(Duration.ofMinutes(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
				|| simulate.exitValue() != 0) {
			simulate.destroyForcibly();
			throw new IllegalStateException("./wrd simulate failed; see " + folder.resolve("simulate.log"));
		}
		sampler.interrupt();
		sampler.join();
		String published = Files.readString(folder.resolve("simulate.log"));
		long events = published.lines()
			.filter(l -> l.startsWith("Publishing "))
			.mapToLong(l -> Long.parseLong(l.replaceAll("^Publishing ([0-9,]+) events.*", "$1").replace(",", "")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("./wrd simulate published nothing: " + published));
		synchronized (peak) {
			return new Load(new LinkedHashMap<>(peak), run.requests(), run.errors(), run.perSecond(), events);
		}
	}

	/** Memory of each part: its recorded process and every process under it (PostgreSQL's backends, ES's controller). */
	static Map<String, Memory> sample(Path folder) throws IOException {
		Map<String, Memory> memory = new LinkedHashMap<>();
		for (String part : PARTS) {
			Path pidFile = folder.resolve("dev/pids/" + part + ".pid");
			if (!Files.isRegularFile(pidFile)) {
				continue;
			}
			var process = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
			if (process.isEmpty()) {
				continue;
			}
			Memory m = memoryOf(process.get().pid());
			for (ProcessHandle child : process.get().descendants().toList()) {
				m = m.plus(memoryOf(child.pid()));
			}
			memory.put(part, m);
		}
		return memory;
	}

	private static Memory memoryOf(long pid) {
		try {
			long rss = 0;
			long pss = 0;
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
				if (line.startsWith("Rss:")) {
					rss = kb(line);
				}
				else if (line.startsWith("Pss:")) {
					pss = kb(line);
				}
			}
			return new Memory(rss, pss);
		}
		catch (IOException ex) {
			return Memory.NONE; // the process ended between listing and reading
		}
	}

	private static long kb(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", ""));
	}

	private static double up(Path root, Path launcher, Path folder) throws Exception {
		long t0 = System.nanoTime();
		int rc = launch(root, launcher, folder, "up");
		double seconds = (System.nanoTime() - t0) / 1e9;
		if (rc != 0) {
			throw new IllegalStateException("./wrd up failed (" + rc + "); see " + folder.resolve("launcher.log"));
		}
		return seconds;
	}

	private static void down(Path root, Path launcher, Path folder) throws Exception {
		if (Files.isDirectory(folder.resolve("dev"))) {
			launch(root, launcher, folder, "down");
		}
	}

	private static int launch(Path root, Path launcher, Path folder, String command) throws Exception {
		Files.createDirectories(folder);
		ProcessBuilder pb = new ProcessBuilder(java(), "-jar", launcher.toString(), command).directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("launcher.log").toFile()));
		pb.environment().put("WRD_ROOT", root.toString());
		pb.environment().put("WRD_DEVSTACK_DIR", folder.toString());
		return pb.start().waitFor();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static boolean answers(String url) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() < 500;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void write(Path file, int seconds, double cold, double warm, Map<String, Memory> idle, Load load)
			throws IOException {
		StringBuilder s = new StringBuilder("## Whole stack: start-up time and memory per part\n\n");
		s.append(String.format(Locale.ROOT,
				"Measured %s on this machine (%d cores, %d GiB, Java %s) with `bench/run stack %d`: the launcher that "
						+ "`./wrd up` runs, in a folder of its own. **Cold** is an empty folder (engines unpacked from the "
						+ "Maven Central artifacts already in `~/.m2`, PostgreSQL initialised, the realm imported, the "
						+ "demo directory loaded and indexed); **warm** is `up` again after `down`, data kept. The build "
						+ "(`./wrd up` runs it only when sources changed) is not counted. Memory is read from "
						+ "`/proc/<pid>/smaps_rollup` of each part's process and every process under it, 20 s after "
						+ "start (idle) and as the peak of one-second samples during %d s of searches through the gateway "
						+ "(wrk, 8 connections, signed in as the demo jobseeker: %,d searches, %,.0f/s, %d failed) while `./wrd simulate --scale 5` "
						+ "published %,d campaign events. RSS counts shared pages in every process that maps them "
						+ "(PostgreSQL's shared buffers once per backend); PSS splits them.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(),
				Math.round(totalMemoryGib()), Runtime.version().feature(), seconds, seconds,
				load.searches(), load.perSecond(), load.errors(), load.events()));
		s.append("| `./wrd up` | seconds |\n|---|---|\n");
		s.append(String.format(Locale.ROOT, "| cold (empty folder) | %.1f |%n| warm (again, data kept) | %.1f |%n%n", cold,
				warm));
		s.append("| part | idle RSS MB | idle PSS MB | under load RSS MB | under load PSS MB |\n|---|---|---|---|---|\n");
		Memory engines = Memory.NONE;
		Memory services = Memory.NONE;
		Memory enginesLoad = Memory.NONE;
		Memory servicesLoad = Memory.NONE;
		List<String> names = new ArrayList<>();
		List<String> idleBars = new ArrayList<>();
		List<String> loadBars = new ArrayList<>();
		for (String part : PARTS) {
			Memory i = idle.getOrDefault(part, Memory.NONE);
			Memory l = load.peak().getOrDefault(part, Memory.NONE);
			s.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", part, mb(i.rssKb()), mb(i.pssKb()),
					mb(l.rssKb()), mb(l.pssKb())));
			if (ENGINES.contains(part)) {
				engines = engines.plus(i);
				enginesLoad = enginesLoad.plus(l);
			}
			else {
				services = services.plus(i);
				servicesLoad = servicesLoad.plus(l);
			}
			names.add("\"" + part.replace("-service", "") + "\"");
			idleBars.add(String.format(Locale.ROOT, "%.0f", mb(i.pssKb())));
			loadBars.add(String.format(Locale.ROOT, "%.0f", mb(l.pssKb())));
		}
		s.append(String.format(Locale.ROOT, "| **engines** | %.0f | %.0f | %.0f | %.0f |%n", mb(engines.rssKb()),
				mb(engines.pssKb()), mb(enginesLoad.rssKb()), mb(enginesLoad.pssKb())));
		s.append(String.format(Locale.ROOT, "| **our services** | %.0f | %.0f | %.0f | %.0f |%n", mb(services.rssKb()),
				mb(services.pssKb()), mb(servicesLoad.rssKb()), mb(servicesLoad.pssKb())));
		Memory total = engines.plus(services);
		Memory totalLoad = enginesLoad.plus(servicesLoad);
		s.append(String.format(Locale.ROOT, "| **whole stack** | %.0f | %.0f | %.0f | %.0f |%n%n", mb(total.rssKb()),
				mb(total.pssKb()), mb(totalLoad.rssKb()), mb(totalLoad.pssKb())));
		s.append(String.format(Locale.ROOT,
				"Our four services take %.2f x the memory (PSS) of the four engines under them at idle, %.2f x under "
						+ "load.%n%n",
				services.pssKb() / (double) engines.pssKb(), servicesLoad.pssKb() / (double) enginesLoad.pssKb()));
		long top = (long) (Math.max(idleBars.stream().mapToDouble(Double::parseDouble).max().orElse(1),
				loadBars.stream().mapToDouble(Double::parseDouble).max().orElse(1)) * 1.15);
		s.append("""
				```mermaid
				xychart-beta
				  title "PSS per part, MB: idle (first bar) and under load (second)"
				  x-axis [%s]
				  y-axis "MB" 0 --> %d
				  bar [%s]
				  bar [%s]
				```

				""".formatted(String.join(", ", names), top, String.join(", ", idleBars), String.join(", ", loadBars)));
		BenchFiles.writeSection(file, "stack", s.toString());
	}

	private static double mb(long kb) {
		return kb / 1024.0;
	}

	private static double totalMemoryGib() {
		try {
			String line = Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8).get(0);
			return kb(line) / 1024.0 / 1024.0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[stack] " + format + "%n", args);
	}

}
