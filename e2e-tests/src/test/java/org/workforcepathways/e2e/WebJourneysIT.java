package org.workforcepathways.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.workforcepathways.e2e.Browser.Width;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.workforcepathways.e2e.Gateway.call;
import static org.workforcepathways.e2e.Gateway.ok;

/**
 * Each user's main journey through the web app, in Debian's chromium against the real stack: every page is checked
 * by axe-core, for texts missing from its language's bundle, and photographed at phone and desktop width for the
 * README (docs/screenshots).
 */
class WebJourneysIT {

	/** A program of Calumet Community College (provider@demo.wrd) that the sample campaign counts. */
	static final String PROGRAM = "demo-tp-0110";

	static final String PROGRAM_TITLE = "Tool and Die Basics";

	private static String gateway;

	@BeforeAll
	static void startServices() {
		gateway = Suite.gateway();
	}

	@Test
	void aJobseekerSearchesOpensAListingAndRatesItOnAPhone() {
		try (Browser phone = Browser.open(gateway, Width.PHONE)) {
			// from a poster's QR code: the campaign link lands on the search, which keeps the code for the visit
			phone.go("/c/IG-MAKEIT");
			assertThat(phone.script("return localStorage.getItem('wrd.campaign')")).isEqualTo("IG-MAKEIT");
			phone.type("#q", "welding");
			phone.click("#chip-evening");
			phone.waitForText("#results", "Welding Technology Certificate (evening)");
			assertThat(phone.find("#chip-evening").getAttribute("aria-pressed")).isEqualTo("true");
			assertThat(phone.text("#results .why")).contains("Why it matched");
			phone.check("search");

			phone.click("#results a.result-link[href='/listing.html?id=demo-tp-0001']");
			phone.ready().find("#rating");
			assertThat(phone.text("h1")).isEqualTo("Welding Technology Certificate (evening)");
			assertThat(phone.all(".week li.on")).as("the days it meets, on the week line").isNotEmpty();
			phone.check("listing");

			phone.click("#rate-submit");
			assertThat(phone.text("#stars-error")).as("stars are required").isNotBlank();
			phone.click("#stars-4");
			phone.click("#correct-yes");
			phone.click("#rate-submit");
			assertThat(phone.text("#rating-thanks")).contains("Thank you");
		}
	}

	@Test
	void theLanguageSwitchSticksAndSpanishIsComplete() {
		try (Browser desktop = Browser.open(gateway, Width.DESKTOP)) {
			desktop.go("/?q=soldadura");
			desktop.click("#language");
			desktop.ready().waitForText("h1", "Encuentre");
			assertThat(desktop.script("return document.documentElement.lang")).isEqualTo("es");
			desktop.waitForText("#results", "Soldadura");
			desktop.check("search-es");

			desktop.go("/listing.html?id=demo-tp-0003");
			assertThat(desktop.text("#rating")).contains("¿Es correcta esta información?");
			desktop.check("listing-es");

			desktop.go("/intake.html");
			desktop.check("intake-es");
			desktop.click("#language"); // back to English for the other journeys' screenshots
		}
	}

	@Test
	void desktopPagesForTheReadme() {
		try (Browser desktop = Browser.open(gateway, Width.DESKTOP)) {
			desktop.go("/?q=cnc&zip=60617&chips=near");
			desktop.waitForText("#results", "mi");
			desktop.check("search");
			desktop.go("/listing.html?id=demo-tp-0001");
			desktop.check("listing");
		}
	}

	@Test
	void aJobseekerTakesTheIntakeAndSeesPathwaysAndSupports() {
		try (Browser phone = Browser.open(gateway, Width.PHONE)) {
			phone.go("/intake.html");
			phone.check("intake");
			for (String question : List.of("r1", "r2", "c1")) {
				phone.click("label[for='" + question + "-2']");
			}
			phone.click("#next");
			phone.click("#next");
			phone.type("#zip", "60617");
			phone.click("label[for='when-evening']");
			phone.click("#next");
			phone.click("label[for='barrier-childcare']");
			phone.click("#next");
			phone.click("#see-matches");
			phone.find("#matches .pathway");
			assertThat(phone.all("#matches .pathway")).hasSizeGreaterThanOrEqualTo(1);
			assertThat(phone.all("#matches .pathway .timeline li")).isNotEmpty();
			assertThat(phone.text("#supports")).containsIgnoringCase("childcare");
			phone.check("matches");
		}
	}

	/**
	 * The referral journey: a case manager adds a client and refers them, the provider accepts and enrolls them, and
	 * city staff see the enrollment on the campaign dashboard. The dashboard shows fewer than ten as "<10", so nine
	 * other enrollments into the same program go in through the API first; the tenth, made in the browser, is the
	 * one that turns the figure into a number.
	 */
	@Test
	void aReferralGoesFromCaseManagerToProviderToTheCityDashboard() throws Exception {
		long before = enrolledInSampleCampaign();
		for (int i = 0; i < 9; i++) {
			enrollThroughTheApi("API client " + i);
		}
		String client = "Browser client " + System.nanoTime();
		String note = "Evening shift preferred " + System.nanoTime();

		try (Browser desktop = Browser.open(gateway, Width.DESKTOP)) {
			desktop.signIn("/case.html", "case.manager@demo.wrd");
			desktop.type("#new-client-name", client);
			desktop.click("#new-client-submit");
			desktop.waitForText("#clients", client);
			desktop.check("case");

			desktop.go("/listing.html?id=" + PROGRAM);
			new Select(desktop.find("#refer-client")).selectByVisibleText(client);
			desktop.type("#refer-note", note);
			desktop.click("#refer-share");
			desktop.click("#refer-submit");
			desktop.find(".referral-sent");

			desktop.go("/case.html");
			desktop.waitForText("#board [data-status='sent']", PROGRAM_TITLE);
			desktop.signOut();

			desktop.signIn("/provider.html", "provider@demo.wrd");
			WebElement card = referralCard(desktop, note);
			desktop.check("provider");
			card.findElement(By.cssSelector("button.accept")).click();
			desktop.waitUntil(d -> referralCard(desktop, note).getAttribute("data-status").equals("accepted"));
			referralCard(desktop, note).findElement(By.cssSelector("button.enroll")).click();
			desktop.waitUntil(d -> referralCard(desktop, note).getAttribute("data-status").equals("enrolled"));
			desktop.signOut();

			desktop.signIn("/dashboard.html", "city.staff@demo.wrd");
			long expected = Math.max(before, 0) + 10;
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
				desktop.go("/dashboard.html");
				String shown = desktop.text("#enrolled .value").replaceAll("[^0-9]", "");
				assertThat(shown).as("enrolled on the dashboard").isNotEmpty();
				assertThat(Long.parseLong(shown)).isGreaterThanOrEqualTo(expected);
			});
			assertThat(desktop.all("figure canvas[role='img']")).as("charts, each named for screen readers").isNotEmpty();
			assertThat(desktop.all("figure table")).as("every chart with its table").hasSameSizeAs(desktop.all("figure canvas"));
			desktop.check("dashboard");
		}
	}

	@Test
	void aProviderSeesWhoChangedSeatsFirstInsteadOfOverwritingThem() throws Exception {
		try (Browser desktop = Browser.open(gateway, Width.DESKTOP)) {
			desktop.signIn("/provider.html", "provider@demo.wrd");
			String row = "#listings tr[data-listing='demo-tp-0019'] ";
			desktop.type(row + "input[name='seatsOpen']", "6");
			// meanwhile a colleague saves other numbers
			var read = call("GET", "/api/directory/services/demo-tp-0019", "provider@demo.wrd", null);
			String etag = read.headers().firstValue("ETag").orElseThrow();
			var colleague = call("PATCH", "/api/directory/services/demo-tp-0019/availability", "provider@demo.wrd",
					"{\"seatsOpen\":4}", "If-Match", etag);
			assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(200);

			desktop.click(row + "button.save-availability");
			assertThat(desktop.find(".stale-notice").getText()).contains("4");
			desktop.screenshot("provider-stale");
			desktop.click(row + "button.save-availability");
			desktop.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".stale-notice")));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(ok(call("GET", "/api/directory/services/demo-tp-0019", null, null))
					.at("/listing/workforce/seatsOpen")
					.asInt()).isEqualTo(6));
		}
	}

	@Test
	void anAdministratorSeesOrganizationsCampaignsAndImports() {
		try (Browser desktop = Browser.open(gateway, Width.DESKTOP)) {
			desktop.signIn("/admin.html", "admin@demo.wrd");
			desktop.find("#org-form");
			desktop.find("#campaign-form");
			desktop.find("#hsds-file");
			desktop.check("admin");
		}
	}

	private static WebElement referralCard(Browser browser, String note) {
		return browser.waitUntil(d -> d.findElements(By.cssSelector("article.referral"))
			.stream()
			.filter(card -> card.getText().contains(note))
			.findFirst()
			.orElse(null));
	}

	private static void enrollThroughTheApi(String name) throws Exception {
		String client = ok(call("POST", "/api/matching/clients", "case.manager@demo.wrd",
				"{\"displayName\":\"" + name + "\"}")).get("id").asString();
		String referral = ok(call("POST", "/api/matching/referrals", "case.manager@demo.wrd",
				"{\"listingId\":\"" + PROGRAM + "\",\"clientId\":\"" + client + "\"}")).get("id").asString();
		for (String status : List.of("accepted", "enrolled")) {
			ok(call("POST", "/api/matching/referrals/" + referral + "/status", "provider@demo.wrd",
					"{\"status\":\"" + status + "\"}"));
		}
	}

	/** The sample campaign's enrolled figure: the number, 0, or -1 while it is shown as "<10". */
	private static long enrolledInSampleCampaign() throws Exception {
		String id = null;
		for (JsonNode campaign : ok(call("GET", "/api/metrics/campaigns", "city.staff@demo.wrd", null))) {
			if (campaign.get("name").asString().contains("(sample)")) {
				id = campaign.get("id").asString();
			}
		}
		assertThat(id).as("the sample campaign").isNotNull();
		JsonNode enrolled = ok(call("GET", "/api/metrics/campaigns/" + id + "/report", "city.staff@demo.wrd", null))
			.at("/enrollment/enrolled");
		return enrolled.isNumber() ? enrolled.asLong() : -1;
	}

}
