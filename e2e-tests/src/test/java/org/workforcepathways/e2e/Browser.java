package org.workforcepathways.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless chromium, driven through its chromedriver, at a phone's or a desktop's width. Every page the
 * journeys visit is checked the same way: axe-core finds no serious or critical violation, no text is missing from
 * the language's bundle, and a screenshot goes to docs/screenshots for the README.
 */
final class Browser implements AutoCloseable {

	enum Width {

		PHONE(360, 800), DESKTOP(1280, 900);

		final int width;

		final int height;

		Width(int width, int height) {
			this.width = width;
			this.height = height;
		}

	}

	/** Long pages are cut here: the README shows their top, and PNGs stay small. */
	static final int MAX_SHOT_HEIGHT = 2600;

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String base;

	private final Width width;

	private final Path userData;

	private Browser(String base, Width width) throws IOException {
		BrowserInstall.ensure();
		this.base = base;
		this.width = width;
		this.userData = Files.createTempDirectory("wrd-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// no background traffic: this machine's network is closed and chromium would keep trying
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
				"--window-size=" + width.width + "," + width.height, "--user-data-dir=" + userData);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		if (width == Width.PHONE) {
			// a window cannot be narrower than about 500 px; a phone's viewport comes from device emulation
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", width.width, "height", width.height, "pixelRatio", 1.0, "touch", true, "mobile", true)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	static Browser open(String base, Width width) {
		try {
			return new Browser(base, width);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	WebDriver driver() {
		return driver;
	}

	/** Opens a page of the app and waits until it has drawn itself. */
	Browser go(String path) {
		driver.get(base + path);
		return ready();
	}

	Browser ready() {
		waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
		return this;
	}

	<T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(30))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	WebElement find(String css) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	WebElement click(String css) {
		WebElement element = waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
		return element;
	}

	Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	String text(String css) {
		return find(css).getText();
	}

	/** Waits until the element's text contains the words. */
	Browser waitForText(String css, String words) {
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), words));
		return this;
	}

	/**
	 * The checks every page passes: axe-core (WCAG 2.1 A and AA rules) finds nothing serious or critical, every
	 * text came from the bundle, and a screenshot is written as docs/screenshots/{name}-{width}.png.
	 */
	Browser check(String name) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(driver);
		List<String> serious = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Browser::describe)
			.toList();
		assertThat(serious).as("axe-core on %s at %s width", name, width).isEmpty();
		Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("%s wider than the %s screen, in px", name, width).isLessThanOrEqualTo(0);
		Object missing = script("return document.documentElement.dataset.missingTexts || ''");
		assertThat(missing).as("texts missing from the %s bundle on %s", script("return document.documentElement.lang"), name)
			.isEqualTo("");
		screenshot(name);
		return this;
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
	}

	/**
	 * The whole page, not just the window (capped at {@link #MAX_SHOT_HEIGHT} px), once every chart has drawn:
	 * Chart.js draws after the page says it is ready.
	 */
	void screenshot(String name) {
		waitUntil(d -> (Boolean) script("return [...document.querySelectorAll('canvas')]"
				+ ".every(c => window.Chart && window.Chart.getChart(c))"));
		Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		double height = Math.min(MAX_SHOT_HEIGHT,
				((Number) ((Map<?, ?>) layout.get("cssContentSize")).get("height")).doubleValue());
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width.width, "height", height, "scale", 1)));
		try {
			Path folder = Repository.root().resolve("docs/screenshots");
			Files.createDirectories(folder);
			Files.write(folder.resolve(name + "-" + width.name().toLowerCase() + ".png"),
					Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException e) {
			throw new IllegalStateException("screenshot " + name, e);
		}
	}

	/** Signs in through Keycloak's own login form, as a person would, and comes back to the page that asked. */
	Browser signIn(String next, String username) {
		driver.get(base + "/signin?next=" + next);
		find("#username").sendKeys(username);
		if (all("#password").isEmpty()) {
			click("#kc-login");
		}
		find("#password").sendKeys("demo");
		click("#kc-login");
		waitUntil(ExpectedConditions.urlContains(base + next));
		return ready();
	}

	Browser signOut() {
		click("#signout");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signin")));
		return ready();
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(userData)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// a temp folder left behind is harmless
		}
	}

}
