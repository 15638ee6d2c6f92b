package org.workforcepathways.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the jobseeker's pages cost a phone: bytes over the wire (compressed, without images, as the browser counted
 * them in its Performance API), requests, and the time until the page has drawn its data, on a throttled network
 * and a 4x slower CPU, each from an empty cache. Runs Debian's chromium against a running stack ({@code ./wrd up}).
 * Writes the figures to {@code docs/benchmarks.md}.
 *
 * <p>
 * Usage (from the repository root): {@code bench/run pages [gateway-url] [runs]}
 */
public final class PageWeightBenchmark {

	/** The goal from the issue: the search and listing pages under 200 kB compressed, images aside. */
	static final long GOAL_BYTES = 200_000;

	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("search (home)", "/");
		PAGES.put("search results near a ZIP", "/?q=welding&zip=60617&chips=near");
		PAGES.put("listing", "/listing.html?id=demo-tp-0001");
		PAGES.put("intake", "/intake.html");
	}

	private PageWeightBenchmark() {
	}

	record Load(long bytes, long decoded, long images, int requests, double readyMs) {
	}

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		Path root = Path.of(System.getProperty("wrd.root", ".")).toAbsolutePath().normalize();
		StringBuilder table = new StringBuilder(
				"| page | transferred (gzip) | uncompressed | requests | ready on slow phone p50 | goal |\n|---|---|---|---|---|---|\n");
		for (var page : PAGES.entrySet()) {
			List<Load> loads = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				loads.add(load(base + page.getValue()));
			}
			Load first = loads.get(0);
			double[] ready = loads.stream().mapToDouble(Load::readyMs).sorted().toArray();
			double p50 = ready[ready.length / 2];
			boolean goal = first.bytes() - first.images() < GOAL_BYTES;
			System.out.printf(Locale.ROOT, "%-28s %7.1f kB  %7.1f kB  %2d requests  ready %5.0f ms %s%n", page.getKey(),
					first.bytes() / 1000.0, first.decoded() / 1000.0, first.requests(), p50, Arrays.toString(ready));
			table.append(String.format(Locale.ROOT, "| %s (`%s`) | %.1f kB | %.1f kB | %d | %.0f ms | %s |%n",
					page.getKey(), page.getValue(), (first.bytes() - first.images()) / 1000.0, first.decoded() / 1000.0,
					first.requests(), p50, goal ? "under 200 kB" : "**over 200 kB**"));
		}
		String section = "## Web pages: weight and time on a slow phone\n\n" + String.format(Locale.ROOT,
				"Measured %s with `bench/run pages` against `./wrd up` on this machine (%d cores): Debian's chromium, "
						+ "headless at 360x800, an empty cache for every load, the network throttled to 1.6 Mbit/s down, "
						+ "750 kbit/s up and 150 ms round trips, the CPU slowed 4x. Bytes are what the browser's Performance "
						+ "API counted as transferred (gzip, headers included, images left out; the pages have none but the "
						+ "logo). \"Ready\" is the time until the page has drawn its data (`body[data-ready]`), median of %d "
						+ "loads. Nothing comes from another origin.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), runs) + table + "\n";
		BenchFiles.writeSection(root.resolve("docs/benchmarks.md"), "pages", section);
	}

	private static Load load(String url) throws Exception {
		Path profile = Files.createTempDirectory("wrd-bench-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=360,800", "--user-data-dir=" + profile);
		ChromeDriver driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(),
				options);
		try {
			driver.executeCdpCommand("Network.enable", Map.of());
			driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
			driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
					"downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
			driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
			long started = System.nanoTime();
			driver.get(url);
			new WebDriverWait(driver, Duration.ofSeconds(60))
				.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
			double readyMs = (System.nanoTime() - started) / 1e6;
			Thread.sleep(500); // late requests (type-ahead data, icons) count too
			@SuppressWarnings("unchecked")
			Map<String, Object> sizes = (Map<String, Object>) driver.executeScript("""
					const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
					const image = (e) => e.initiatorType === 'img' || /\\.(png|svg|jpg|webp|ico)(\\?|$)/.test(e.name);
					return {
					  bytes: entries.reduce((s, e) => s + e.transferSize, 0),
					  decoded: entries.reduce((s, e) => s + e.decodedBodySize, 0),
					  images: entries.filter(image).reduce((s, e) => s + e.transferSize, 0),
					  requests: entries.length,
					  foreign: entries.filter((e) => !e.name.startsWith(location.origin)).length,
					};""");
			if (((Number) sizes.get("foreign")).intValue() > 0) {
				throw new IllegalStateException(url + " loaded something from another origin");
			}
			return new Load(((Number) sizes.get("bytes")).longValue(), ((Number) sizes.get("decoded")).longValue(),
					((Number) sizes.get("images")).longValue(), ((Number) sizes.get("requests")).intValue(), readyMs);
		}
		finally {
			driver.quit();
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
