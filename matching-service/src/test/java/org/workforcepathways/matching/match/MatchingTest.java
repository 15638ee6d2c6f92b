package org.workforcepathways.matching.match;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import tools.jackson.databind.json.JsonMapper;

import org.workforcepathways.matching.directory.DirectoryLookup;
import org.workforcepathways.matching.directory.DirectoryPage;
import org.workforcepathways.matching.directory.DirectoryPage.Listing;
import org.workforcepathways.matching.intake.Demographics;
import org.workforcepathways.matching.intake.Intake;
import org.workforcepathways.matching.intake.IntakeRequest;
import org.workforcepathways.matching.intake.InterestItems;
import org.workforcepathways.matching.pathway.Occupations;
import org.workforcepathways.matching.pathway.Pathways;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching as a function: demographics never change a ranking (property), and the reasons say what the person
 * asked about, in their language.
 */
class MatchingTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneId.of("America/Chicago"));

	private static final Occupations OCCUPATIONS = new Occupations();

	private static final Matcher MATCHER = new Matcher(new Pathways(JsonMapper.builder().build(), OCCUPATIONS), OCCUPATIONS);

	/** A small directory near 60617: programs of several trades, an apprenticeship, a job, support services. */
	private static final List<Listing> DIRECTORY = List.of(
			listing("weld-eve", "training_program", "Evening MIG welding", 2.4, List.of("evening"), List.of("manufacturing", "welding"), false, "2450", 14, List.of(), List.of("en")),
			listing("weld-day", "training_program", "Welding certificate", 6.0, List.of("day"), List.of("manufacturing", "welding"), true, "0", 60, List.of("childcare"), List.of("en", "es")),
			listing("weld-appr", "training_program", "Ironworkers apprenticeship", 8.1, List.of("day"), List.of("welding", "apprenticeship"), true, "0", 40, List.of(), List.of("en")),
			listing("weld-job", "job_opening", "Welder I", 3.3, List.of("day"), List.of("welding", "entry level"), true, "0", null, List.of(), List.of("en")),
			listing("cnc-day", "training_program", "CNC operator", 4.0, List.of("day", "evening"), List.of("manufacturing", "cnc"), true, "0", 21, List.of("transit"), List.of("en")),
			listing("mach-wk", "training_program", "Machining weekend", 9.0, List.of("weekend"), List.of("manufacturing", "machining"), false, "1200", 7, List.of(), List.of("es")),
			listing("bridge", "training_program", "Manufacturing bridge", 1.2, List.of("evening"), List.of("bridge program", "ged"), true, "0", 10, List.of(), List.of("en", "es")),
			listing("tour", "career_event", "Plant tour", 5.5, List.of("day"), List.of("plant tour"), true, "0", 3, List.of(), List.of("en")),
			listing("care-1", "support_service", "Little Steps child care", 1.1, List.of("day", "evening"), List.of("childcare"), true, "0", null, List.of(), List.of("en", "es")),
			listing("care-2", "support_service", "Family child care network", 7.7, List.of("day"), List.of("childcare"), true, "0", null, List.of(), List.of("en")),
			listing("bus", "support_service", "Ride to work", 3.0, List.of("day"), List.of("transportation"), true, "0", null, List.of(), List.of("en")),
			listing("legal", "support_service", "Record relief clinic", 4.4, List.of("day"), List.of("returning citizens", "legal help"), true, "0", null, List.of(), List.of("en")),
			screened("weld-lic", "Pipe welding (drivers only)", List.of(new DirectoryPage.ScreenerQuestion("license", "drivers_license", null, null, null))),
			screened("weld-area", "Welding for Calumet residents", List.of(
					new DirectoryPage.ScreenerQuestion("zip", "residency_zip", null, List.of("606"), null),
					new DirectoryPage.ScreenerQuestion("edu", "education", null, List.of("hs_diploma"), null),
					new DirectoryPage.ScreenerQuestion("age", "min_age", 18, null, null))));

	/** The directory, answered from memory: what matching asks, by category. */
	static final class Directory extends DirectoryLookup {

		Directory() {
			super(null);
		}

		@Override
		public DirectoryPage near(String kind, String category, String zip, int radiusMiles, int size) {
			List<Listing> found = DIRECTORY.stream()
				.filter(l -> l.categories().contains(category))
				.filter(l -> l.distanceMiles() <= radiusMiles)
				.toList();
			return new DirectoryPage(found.size(), found);
		}

	}

	private final MatchService service = new MatchService(new Directory(), MATCHER, CLOCK);

	@Property(tries = 300)
	void demographicsNeverChangeTheRanking(@ForAll("intakes") Intake intake, @ForAll("demographics") Demographics one,
			@ForAll("demographics") Demographics other) {
		MatchResult a = service.match(new IntakeRequest(intake, one, false, null, null, null));
		MatchResult b = service.match(new IntakeRequest(intake, other, false, null, null, null));
		assertThat(b).isEqualTo(a);
	}

	@Example
	void anEveningWelderWithAGedAndChildrenHearsWhyInPlainWords() {
		Intake intake = new Intake(Map.of("r1", 2, "r2", 2, "c1", 1), List.of(), "ged", List.of("welding"),
				new Intake.Travel("60617", 10, "transit"), List.of("evening"), false, List.of("childcare"), List.of("en"), "en");
		MatchResult result = service.match(new IntakeRequest(intake, null, false, null, null, null));

		MatchResult.PathwayMatch welding = result.pathways().getFirst();
		assertThat(welding.id()).isEqualTo("welding");
		assertThat(welding.reasons()).contains("you have experience in welding", "you said you have a GED",
				"interests: hands-on, building things");
		MatchResult.StepMatch certificate = welding.steps().stream().filter(s -> s.kind().equals("certificate")).findFirst().orElseThrow();
		assertThat(certificate.programs().getFirst().listingId()).isEqualTo("weld-eve");
		assertThat(certificate.programs().getFirst().reasons()).contains("evening classes", "2.4 miles away", "starts in 14 days");
		assertThat(certificate.programs().getFirst().obstacles()).contains("costs $2,450");
		MatchResult.ProgramMatch day = certificate.programs().stream().filter(p -> p.listingId().equals("weld-day"))
			.findFirst().orElseThrow();
		assertThat(day.obstacles()).contains("only day classes", "starts in 9 weeks");
		assertThat(day.reasons()).contains("free", "childcare available");
		assertThat(result.supports()).singleElement().satisfies(s -> {
			assertThat(s.barrier()).isEqualTo("childcare");
			assertThat(s.services()).extracting(MatchResult.ProgramMatch::listingId).containsExactly("care-1", "care-2");
		});
		assertThat(result.notices()).isEmpty();
	}

	@Example
	void withoutADiplomaTheApprenticeshipSaysWhatStandsInTheWayInSpanish() {
		Intake intake = new Intake(Map.of("r1", 2, "r2", 2), List.of(), "none", List.of("welding"),
				new Intake.Travel("60617", 10, "transit"), List.of("day"), true, List.of(), List.of("es"), "es");
		MatchResult result = service.match(new IntakeRequest(intake, null, false, null, null, null));
		MatchResult.StepMatch apprenticeship = result.pathways().getFirst().steps().stream()
			.filter(s -> s.kind().equals("apprenticeship")).findFirst().orElseThrow();
		assertThat(apprenticeship.obstacles()).containsExactly(
				"requiere diploma de preparatoria o GED; un programa puente o de GED le ayuda");
		assertThat(result.pathways().getFirst().steps().stream().filter(s -> s.kind().equals("certificate")).findFirst()
			.orElseThrow().programs()).anySatisfy(p -> assertThat(p.reasons()).contains("se enseña en español"));
	}

	@Example
	void screenerRulesTheIntakeAnswersAreHardFiltersAndSaidSo() {
		Intake intake = new Intake(Map.of("r1", 2, "r2", 2), List.of(), "ged", List.of("welding"),
				new Intake.Travel("60617", 10, "transit"), List.of("evening"), false, List.of(), List.of("en"), "en");
		MatchResult.PathwayMatch welding = service.match(new IntakeRequest(intake, null, false, null, null, null)).pathways().getFirst();
		List<MatchResult.ProgramMatch> programs = welding.steps().stream().flatMap(s -> s.programs().stream()).toList();
		assertThat(programs).extracting(MatchResult.ProgramMatch::listingId).doesNotContain("weld-lic").contains("weld-area");
		MatchResult.ProgramMatch area = programs.stream().filter(p -> p.listingId().equals("weld-area")).findFirst().orElseThrow();
		assertThat(area.reasons()).contains("meets its entry rules (where you live, education)");
		assertThat(area.obstacles()).contains("ask the provider about: age");
		assertThat(welding.obstacles()).contains("left out, as their entry rules exclude you (driver's licence): 1");

		Intake driver = new Intake(Map.of("r1", 2, "r2", 2), List.of("drivers_license"), "ged", List.of("welding"),
				new Intake.Travel("60617", 10, "transit"), List.of("evening"), false, List.of(), List.of("en"), "en");
		assertThat(service.match(new IntakeRequest(driver, null, false, null, null, null)).pathways().getFirst().steps().stream()
			.flatMap(s -> s.programs().stream()).map(MatchResult.ProgramMatch::listingId)).contains("weld-lic");
	}

	@Provide
	Arbitrary<Intake> intakes() {
		Arbitrary<Map<String, Integer>> interests = Arbitraries.of(InterestItems.ALL.stream().map(InterestItems.Item::id).toList())
			.set()
			.flatMap(ids -> Arbitraries.integers().between(0, 2).list().ofSize(ids.size()).map(values -> {
				Map<String, Integer> m = new java.util.HashMap<>();
				int i = 0;
				for (String id : ids) {
					m.put(id, values.get(i++));
				}
				return m;
			}));
		Arbitrary<String> education = Arbitraries.of("none", "hs_diploma", "ged", "some_college", "associate", "bachelor");
		Arbitrary<List<String>> experience = Arbitraries.of("welding", "machining", "cnc", "warehouse", "assembly").list().uniqueElements().ofMaxSize(3);
		Arbitrary<List<String>> when = Arbitraries.of("day", "evening", "weekend").list().uniqueElements().ofMaxSize(3);
		Arbitrary<List<String>> barriers = Arbitraries.of(Set.of("childcare", "transportation", "housing", "record", "language", "digital_access")).list().uniqueElements().ofMaxSize(4);
		Arbitrary<List<String>> languages = Arbitraries.of("en", "es", "pl").list().uniqueElements().ofMinSize(1).ofMaxSize(2);
		Arbitrary<Intake.Travel> travel = Arbitraries.integers().between(1, 50).map(r -> new Intake.Travel("60617", r, "transit"));
		return Combinators.combine(interests, education, experience, travel, when, Arbitraries.of(true, false), barriers, languages)
			.as((i, e, x, t, w, pay, b, l) -> new Intake(i, List.of(), e, x, t, w, pay, b, l, l.contains("es") ? "es" : "en"));
	}

	@Provide
	Arbitrary<Demographics> demographics() {
		return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("female", "male", "nonbinary", "another").injectNull(0.3),
				Arbitraries.of("black", "hispanic_latino", "white", "asian", "multiracial").list().uniqueElements().ofMaxSize(2),
				Arbitraries.of("under_18", "18_24", "25_34", "35_44", "65_plus").injectNull(0.3),
				Arbitraries.of(true, false).injectNull(0.3), Arbitraries.of(true, false).injectNull(0.3),
				Arbitraries.of(true, false).injectNull(0.3))
			.as(Demographics::new);
	}

	private static Listing screened(String id, String title, List<DirectoryPage.ScreenerQuestion> rules) {
		return new Listing(id + "-at-1", id, "training_program", title, "Org of " + id, "org-" + id, "Chicago", "60617",
				9.0, false, new BigDecimal("1500"), TODAY.plusDays(20), 5, List.of("evening"), List.of("manufacturing", "welding"),
				null, List.of("en"), false, List.of(), List.of(), null, false, rules);
	}

	private static Listing listing(String id, String kind, String title, double miles, List<String> schedule,
			List<String> categories, boolean free, String cost, Integer startsInDays, List<String> supports,
			List<String> languages) {
		return new Listing(id + "-at-1", id, kind, title, "Org of " + id, "org-" + id, "Chicago", "60617", miles, free,
				new BigDecimal(cost), startsInDays == null ? null : TODAY.plusDays(startsInDays), 5, schedule, categories,
				null, languages, false, supports, List.of(), null, false, List.of());
	}

}
