package org.workforcepathways.metrics.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator;
import org.workforcepathways.metrics.campaign.Campaign;
import org.workforcepathways.metrics.campaign.DemoCampaign;
import org.workforcepathways.metrics.simulation.CampaignTraffic;
import org.workforcepathways.metrics.simulation.DemoListing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign report over a simulated month of the demo directory, counted by the real topology: every figure is
 * there, the counts match the events, and no withheld count can be recovered from anything the report shows.
 */
class ReportTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private UninterruptedRun run;

	private List<CampaignTraffic.Sent> sent;

	private Campaign campaign;

	@BeforeEach
	void countASimulatedMonth() {
		List<DemoListing> listings = DemoListing.read(Path.of("../infra/demo-data/calumet-listings.json"));
		Instant now = TODAY.atTime(18, 0).atZone(CHICAGO).toInstant();
		sent = new CampaignTraffic(listings, DemoCampaign.CODES, CHICAGO, 1, 42).generate(TODAY.minusDays(30), 31, now);
		run = new UninterruptedRun(sent, CHICAGO);
		var request = DemoCampaign.request(TODAY);
		campaign = new Campaign(UUID.randomUUID(), request.name(), request.startsOn(), request.endsOn(),
				request.occupations(), request.programs(), request.targets() == null ? Campaign.Targets.NONE
						: new Campaign.Targets(request.targets().baselineEnrollment(), request.targets().baselineFrom(),
								request.targets().baselineTo(), request.targets().enrollmentIncreasePercent(),
								request.targets().womenShare(), request.targets().peopleOfColorShare(),
								request.targets().retention90(), request.targets().retention365(),
								request.targets().surveyedShare(), request.targets().respondedShare()),
				request.components().stream().map(c -> new Campaign.Component(c.code(), c.channel(), c.name(),
						c.liveFrom(), c.liveTo())).toList(), Instant.now());
	}

	@AfterEach
	void tearDown() {
		run.close();
	}

	private CampaignReport report(LocalDate from, LocalDate to, String granularity, int threshold) {
		Clock clock = Clock.fixed(TODAY.atTime(18, 0).atZone(CHICAGO).toInstant(), CHICAGO);
		return run.report(campaign, new Period(from, to, granularity), threshold, clock);
	}

	@ParameterizedTest
	@ValueSource(strings = { "week", "month" })
	void noWithheldCountCanBeRecoveredFromTheReport(String granularity) {
		for (int threshold : new int[] { 5, 10, 20 }) {
			JsonNode tree = JSON.valueToTree(report(campaign.startsOn(), campaign.endsOn(), granularity, threshold));

			assertThat(new Attacker(threshold).recover(tree)).as("recovered at threshold " + threshold).isEmpty();
			assertThat(Attacker.averageBesideWithheldStars(tree)).isFalse();
			assertThat(Attacker.overallRateBesideWithheldCohort(tree)).isFalse();
			assertThat(tree.at("/equity/applicants/race/rows").toString()).doesNotContain("not_given");
			assertThat(tree.toString()).as("small counts are withheld at threshold " + threshold).contains("\"<" + threshold + "\"");
		}
	}

	@Test
	void aWeekByDayIsFullOfSmallCellsAndStillNothingCanBeRecovered() {
		JsonNode tree = JSON.valueToTree(report(TODAY.minusDays(6), TODAY, "day", 10));

		assertThat(new Attacker(10).recover(tree)).isEmpty();
		assertThat(tree.at("/enrollment/enrolled").asString()).isEqualTo("<10");
		assertThat(tree.at("/enrollment/forecast").isNull()).as("a forecast would give the small count away").isTrue();
		assertThat(tree.at("/ratings/average").isNull()).isTrue();
	}

	@Test
	void theCountsAreTheEventsCountedOnceWithDuplicatesDropped() {
		CampaignReport report = report(campaign.startsOn(), campaign.endsOn(), "week", 10);
		Set<String> distinctSearches = new HashSet<>();
		Set<String> enrolled = new HashSet<>();
		long duplicates = 0;
		EventValidator validator = new EventValidator();
		for (CampaignTraffic.Sent s : sent) {
			duplicates += s.duplicate() ? 1 : 0;
			var event = (EventValidator.Accepted) validator.validate(s.json());
			event.as(EventTypes.SEARCH_PERFORMED).ifPresent(e -> distinctSearches.add(e.id()));
			event.as(EventTypes.REFERRAL_CHANGED)
				.filter(e -> e.data().status().equals("enrolled")
						&& !LocalDate.ofInstant(e.time(), CHICAGO).isBefore(campaign.startsOn())
						&& campaign.occupations().stream().anyMatch(e.data().occupations()::contains))
				.ifPresent(e -> enrolled.add(e.data().referralId()));
		}

		assertThat(duplicates).as("the simulation redelivers some events").isPositive();
		assertThat(report.traffic().searches().total().value()).isEqualTo(distinctSearches.size());
		assertThat(report.enrollment().enrolled().value()).isEqualTo(enrolled.size());
		assertThat(report.enrollment().baselineForPeriod()).isEqualTo(Math.round(120 * 91 / 365.0));
		assertThat(report.enrollment().target()).isEqualTo(Math.round(Math.round(120 * 91 / 365.0) * 1.25));
		assertThat(report.enrollment().forecast()).isNotNull();
		assertThat(report.equity().applicants().get("sex").total()).isEqualTo(report.referrals().sent().total());
		assertThat(report.equity().fourFifths()).isNotEmpty();
		assertThat(report.retention().cohorts()).isNotEmpty();
		assertThat(report.unfilledSeats().byProgram()).isNotEmpty();
		assertThat(report.careerEvents().dates()).isPositive();
		assertThat(report.survey().knownOrganizations()).isEqualTo(40);
		assertThat(report.channels().saturation()).extracting(CampaignReport.Week::piecesLive).contains(1, 6);
		assertThat(report.traffic().zeroResultQueries()).isNotEmpty()
			.allSatisfy(q -> assertThat(q.count()).isGreaterThanOrEqualTo(10));
		assertThat(report.intakes().heardFrom().total()).isEqualTo(report.intakes().completed().total());
	}

	@Test
	void aPeriodCountsTheDaysItCoversAndNoOthers() {
		LocalDate from = TODAY.minusDays(13);
		LocalDate to = TODAY.minusDays(7);
		Set<String> inPeriod = new HashSet<>();
		EventValidator validator = new EventValidator();
		for (CampaignTraffic.Sent s : sent) {
			((EventValidator.Accepted) validator.validate(s.json())).as(EventTypes.SEARCH_PERFORMED)
				.filter(e -> new Period(from, to, "day").contains(LocalDate.ofInstant(e.time(), CHICAGO)))
				.ifPresent(e -> inPeriod.add(e.id()));
		}

		CampaignReport report = report(from, to, "day", 10);

		assertThat(inPeriod).hasSizeGreaterThan(10);
		assertThat(report.traffic().searches().total().value()).isEqualTo(inPeriod.size());
		assertThat(report.traffic().searches().rows()).hasSize(7);
	}

	@Test
	void theCsvCarriesTheSameWithheldValues() {
		CampaignReport report = report(campaign.startsOn(), campaign.endsOn(), "week", 10);

		String csv = ReportCsv.write(report, JSON);

		assertThat(csv).startsWith("figure,label,value,share\n");
		assertThat(csv).contains("traffic.searches,total," + report.traffic().searches().total().value());
		assertThat(csv).contains("\"<10\"");
		assertThat(csv.lines().filter(l -> l.startsWith("equity.applicants.sex,female,")).count()).isEqualTo(1);
	}

}
