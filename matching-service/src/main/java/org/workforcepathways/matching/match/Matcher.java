package org.workforcepathways.matching.match;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.workforcepathways.matching.directory.DirectoryPage.Listing;
import org.workforcepathways.matching.intake.Intake;
import org.workforcepathways.matching.intake.InterestItems;
import org.workforcepathways.matching.match.MatchResult.OccupationRef;
import org.workforcepathways.matching.match.MatchResult.PathwayMatch;
import org.workforcepathways.matching.match.MatchResult.ProgramMatch;
import org.workforcepathways.matching.match.MatchResult.StepMatch;
import org.workforcepathways.matching.match.MatchResult.SupportMatch;
import org.workforcepathways.matching.pathway.Occupations;
import org.workforcepathways.matching.pathway.Pathway;
import org.workforcepathways.matching.pathway.Pathways;

/**
 * Ranks pathways, programs and support services for an intake, and says why. A pure function of the intake and the
 * directory listings it is given: it reads nothing else, so the same answers always give the same ranking, and
 * demographics, which are not part of the intake, cannot change it.
 * <p>
 * A pathway's score blends how well the person's interests fit its occupations' O*NET interest profiles (cosine of
 * the two RIASEC vectors), experience in the trade, and how good the best program near them is. A program's score
 * blends schedule fit, nearness, cost (or pay while learning), start date, open seats, supports for the person's
 * barriers and language.
 */
@Component
public class Matcher {

	/** Barriers and the directory category that answers each. */
	public static final Map<String, String> BARRIER_CATEGORIES = Map.of("childcare", "childcare", "transportation",
			"transportation", "housing", "housing", "record", "returning citizens", "language", "esl", "digital_access",
			"digital access");

	private static final Map<String, String> SUPPORT_FOR_BARRIER = Map.of("childcare", "childcare", "transportation",
			"transit");

	private static final int PROGRAMS_PER_STEP = 3;

	private static final int SERVICES_PER_BARRIER = 3;

	private final Pathways pathways;

	private final Occupations occupations;

	Matcher(Pathways pathways, Occupations occupations) {
		this.pathways = pathways;
		this.occupations = occupations;
	}

	/**
	 * The pathways worth asking the directory about for this intake: the best few by interests and experience.
	 */
	public List<Pathway> shortlist(Intake intake, int size) {
		return pathways.all()
			.stream()
			.sorted(Comparator.comparingDouble((Pathway p) -> -(interestFit(intake, p) + experienceFit(intake, p)))
				.thenComparing(Pathway::id))
			.limit(size)
			.toList();
	}

	/** The directory categories to read for these pathways and barriers. */
	public static Set<String> categoriesFor(List<Pathway> chosen, Intake intake) {
		Set<String> out = new java.util.LinkedHashSet<>();
		for (Pathway p : chosen) {
			out.add(p.category());
			p.steps().stream().filter(Pathway.Step::anyTrade).forEach(s -> out.add(s.categories().getFirst()));
		}
		intake.barriers().forEach(b -> out.add(BARRIER_CATEGORIES.get(b)));
		return out;
	}

	/**
	 * @param listings directory results by the category they were asked for
	 * @param unavailable categories the directory could not answer for
	 */
	public MatchResult rank(Intake intake, List<Pathway> chosen, Map<String, List<Listing>> listings,
			Set<String> unavailable, LocalDate today) {
		Words words = new Words(intake.language());
		List<PathwayMatch> matched = new ArrayList<>();
		for (Pathway p : chosen) {
			matched.add(pathway(intake, p, listings, words, today));
		}
		matched.sort(Comparator.comparingDouble((PathwayMatch m) -> -m.score()).thenComparing(PathwayMatch::id));
		List<SupportMatch> supports = new ArrayList<>();
		for (String barrier : intake.barriers()) {
			List<ProgramMatch> services = listings.getOrDefault(BARRIER_CATEGORIES.get(barrier), List.of())
				.stream()
				.filter(l -> "support_service".equals(l.kind()))
				.map(l -> program(intake, l, words, today))
				.collect(java.util.stream.Collectors.toMap(ProgramMatch::listingId, m -> m, Matcher::better,
						LinkedHashMap::new))
				.values()
				.stream()
				.sorted(Comparator.comparingDouble((ProgramMatch m) -> -m.score()).thenComparing(ProgramMatch::id))
				.limit(SERVICES_PER_BARRIER)
				.toList();
			supports.add(new SupportMatch(barrier, words.say("barrier." + barrier), services));
		}
		List<String> notices = unavailable.isEmpty() ? List.of() : List.of(words.say("directoryDown"));
		return new MatchResult(matched, supports, notices, null);
	}

	private PathwayMatch pathway(Intake intake, Pathway p, Map<String, List<Listing>> listings, Words words,
			LocalDate today) {
		List<String> reasons = new ArrayList<>();
		List<String> obstacles = new ArrayList<>();
		double interest = interestFit(intake, p);
		String liked = likedAreas(intake, words);
		if (interest >= 0.6 && liked != null) {
			reasons.add(words.say("interests", liked));
		}
		double experience = experienceFit(intake, p);
		if (experience > 0) {
			reasons.add(words.say("experience", p.category()));
		}
		List<StepMatch> steps = new ArrayList<>();
		double best = 0;
		int nearby = 0;
		// screener rules the intake answers are hard filters: a program they exclude is left out, and said so
		Map<String, Integer> excluded = new java.util.TreeMap<>();
		for (Pathway.Step step : p.steps()) {
			List<String> stepObstacles = new ArrayList<>();
			for (String need : step.requires()) {
				if (need.equals("hs_diploma_or_ged") && !intake.hasDiplomaOrEquivalent()) {
					stepObstacles.add(words.say("needsDiploma"));
				}
				if (need.equals("drivers_license") && !intake.holds("drivers_license")) {
					stepObstacles.add(words.say("needsLicence"));
				}
			}
			List<Listing> candidates = listingsFor(p, step, listings).toList();
			for (Listing l : candidates) {
				rules(intake, l).broken().forEach(rule -> excluded.merge(rule, 1, Integer::sum));
			}
			List<ProgramMatch> programs = candidates.stream()
				.filter(l -> rules(intake, l).broken().isEmpty())
				.map(l -> program(intake, l, words, today))
				.collect(java.util.stream.Collectors.toMap(ProgramMatch::listingId, m -> m, Matcher::better,
						LinkedHashMap::new))
				.values()
				.stream()
				.sorted(Comparator.comparingDouble((ProgramMatch m) -> -m.score()).thenComparing(ProgramMatch::id))
				.limit(PROGRAMS_PER_STEP)
				.toList();
			if (!step.anyTrade()) {
				nearby += programs.size();
				best = Math.max(best, programs.stream().mapToDouble(ProgramMatch::score).max().orElse(0));
			}
			steps.add(new StepMatch(step.id(), step.kind(), step.ctdlType(), step.name(intake.language()),
					List.copyOf(stepObstacles), programs));
		}
		boolean needsDiploma = p.steps().stream().anyMatch(s -> s.requires().contains("hs_diploma_or_ged"));
		if (needsDiploma && intake.hasDiplomaOrEquivalent()) {
			reasons.add(words.say("ged".equals(intake.education()) ? "hasGed" : "hasDiploma"));
		}
		if (!excluded.isEmpty()) {
			obstacles.add(words.say("leftOut", excluded.values().stream().mapToInt(Integer::intValue).sum(),
					String.join(", ", excluded.keySet().stream().map(words::say).toList())));
		}
		if (nearby > 0) {
			reasons.add(words.say("nearby", nearby, intake.travel().radiusMiles()));
		}
		else {
			obstacles.add(words.say("noneNearby", intake.travel().radiusMiles()));
		}
		double programFit = Math.min(1, Math.max(0, (best - 1) / 1.2));
		double score = round(0.6 * interest + 0.15 * experience + 0.25 * programFit);
		List<OccupationRef> refs = p.occupations()
			.stream()
			.map(code -> occupations.find(code).orElseThrow())
			.map(o -> new OccupationRef(o.code(), o.title(), o.jobZone()))
			.toList();
		return new PathwayMatch(p.id(), p.name(intake.language()),
				p.description().getOrDefault(intake.language(), p.description().get("en")), score, reasons, obstacles,
				refs, steps);
	}

	/** The listings that fulfil a step: in one of its categories and, for a trade step, in the pathway's trade. */
	private static java.util.stream.Stream<Listing> listingsFor(Pathway p, Pathway.Step step,
			Map<String, List<Listing>> listings) {
		List<Listing> pool = new ArrayList<>(listings.getOrDefault(p.category(), List.of()));
		if (step.anyTrade()) {
			pool.addAll(listings.getOrDefault(step.categories().getFirst(), List.of()));
		}
		return pool.stream()
			.filter(l -> !"support_service".equals(l.kind()))
			.filter(l -> l.categories().stream().anyMatch(step.categories()::contains))
			.filter(l -> step.anyTrade() || l.categories().contains(p.category())
					|| l.occupations().stream().anyMatch(p.occupations()::contains))
			.filter(l -> step.kind().equals("job") == "job_opening".equals(l.kind())
					|| step.kind().equals("job") && l.categories().contains("entry level"));
	}

	private ProgramMatch program(Intake intake, Listing l, Words words, LocalDate today) {
		List<String> reasons = new ArrayList<>();
		List<String> obstacles = new ArrayList<>();
		double score = 1;
		List<String> fits = intake.when().stream().filter(l.schedule()::contains).toList();
		if (!fits.isEmpty()) {
			score += 0.35;
			fits.forEach(w -> reasons.add(words.say(w)));
		}
		else if (!intake.when().isEmpty()) {
			List<String> times = l.schedule().stream().filter(s -> Set.of("day", "evening", "weekend").contains(s)).toList();
			if (!times.isEmpty()) {
				score -= 0.2;
				obstacles.add(words.say("onlyWhen", String.join(", ", times.stream().map(words::say).toList())));
			}
		}
		if (l.distanceMiles() != null) {
			score += 0.25 / (1 + l.distanceMiles() / 5);
			reasons.add(words.say("miles", words.miles(l.distanceMiles())));
		}
		if (l.paid()) {
			score += intake.needsPay() ? 0.3 : 0.1;
			reasons.add(words.say("paid"));
		}
		else if (l.free()) {
			score += 0.2;
			reasons.add(words.say("free"));
		}
		else if (l.cost() != null && l.cost().signum() > 0) {
			if (intake.needsPay()) {
				score -= 0.1;
			}
			obstacles.add(words.say("costs", words.money(l.cost())));
		}
		if (l.nextStart() != null && !l.nextStart().isBefore(today)) {
			long days = ChronoUnit.DAYS.between(today, l.nextStart());
			if (days <= 28) {
				score += 0.1;
				reasons.add(words.say("startsSoon", days));
			}
			else {
				obstacles.add(words.say("startsLater", Math.round(days / 7.0)));
			}
		}
		if (l.seatsOpen() != null) {
			if (l.seatsOpen() == 0) {
				score -= 0.2;
				obstacles.add(words.say("noSeats"));
			}
			else {
				score += 0.1;
			}
		}
		for (String barrier : intake.barriers()) {
			String support = SUPPORT_FOR_BARRIER.get(barrier);
			if (support != null && l.supports().contains(support)) {
				score += 0.15;
				reasons.add(words.say(barrier.equals("childcare") ? "support.childcare" : "support.transit"));
			}
		}
		if (l.supports().contains("stipend")) {
			reasons.add(words.say("support.stipend"));
		}
		if (intake.barriers().contains("record") && l.justiceInvolvedWelcome()) {
			score += 0.15;
			reasons.add(words.say("record"));
		}
		if (!l.languages().isEmpty() && l.languages().stream().noneMatch(intake.languages()::contains)) {
			score -= 0.3;
			obstacles.add(words.say("notYourLanguage", String.join(", ", l.languages())));
		}
		else if (intake.languages().contains("es") && l.languages().contains("es")) {
			reasons.add(words.say("spanish"));
		}
		if (l.credential() != null) {
			reasons.add(words.say("credential", l.credential()));
		}
		Rules rules = rules(intake, l);
		if (!rules.met().isEmpty()) {
			reasons.add(words.say("meetsRules", String.join(", ", rules.met().stream().map(words::say).toList())));
		}
		if (!rules.unknown().isEmpty()) {
			obstacles.add(words.say("askProvider", String.join(", ", rules.unknown().stream().map(words::say).toList())));
		}
		return new ProgramMatch(l.id(), l.listingId(), l.kind(), l.title(), l.organization(), l.city(),
				l.distanceMiles(), l.free(), l.cost(), l.nextStart(), round(score), reasons, obstacles);
	}

	/** A program's screener rules as the intake answers them: met, broken, or not asked in the intake. */
	private record Rules(List<String> met, List<String> broken, List<String> unknown) {

	}

	private static final List<String> EDUCATION = List.of("none", "hs_diploma", "some_college", "associate", "bachelor");

	/** GED counts as a diploma. */
	private static int educationRank(String education) {
		return EDUCATION.indexOf("ged".equals(education) ? "hs_diploma" : education);
	}

	/**
	 * Only rules the intake answers are applied (education, a driver's licence among the credentials held, the ZIP);
	 * age, income and work authorization are never asked in the intake, so they stay questions for the provider.
	 */
	private static Rules rules(Intake intake, Listing l) {
		java.util.Set<String> met = new java.util.LinkedHashSet<>();
		java.util.Set<String> broken = new java.util.LinkedHashSet<>();
		java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
		for (var q : l.screener()) {
			switch (q.type()) {
				case "education" -> {
					if (intake.education() == null || q.values().isEmpty()) {
						unknown.add("rule.education");
					}
					else {
						(educationRank(intake.education()) >= educationRank(q.values().getFirst()) ? met : broken)
							.add("rule.education");
					}
				}
				case "drivers_license" -> (intake.holds("drivers_license") ? met : broken).add("rule.drivers_license");
				case "residency_zip" -> (q.values().stream().anyMatch(intake.travel().zip()::startsWith) ? met : broken)
					.add("rule.residency_zip");
				case "min_age", "max_age" -> unknown.add("rule.age");
				case "income_max_percent_fpl" -> unknown.add("rule.income");
				case "work_authorization" -> unknown.add("rule.work_authorization");
				default -> unknown.add("rule.prerequisite");
			}
		}
		return new Rules(List.copyOf(met), List.copyOf(broken), List.copyOf(unknown));
	}

	/** Cosine of the person's RIASEC answers and the best-fitting occupation's O*NET profile; 0.5 with no answers. */
	double interestFit(Intake intake, Pathway p) {
		double[] person = InterestItems.profile(intake.interests());
		if (java.util.Arrays.stream(person).sum() == 0) {
			return 0.5;
		}
		double best = 0;
		for (String code : p.occupations()) {
			double[] job = occupations.find(code).orElseThrow().interests();
			double dot = 0;
			double a = 0;
			double b = 0;
			for (int i = 0; i < 6; i++) {
				double o = (job[i] - 1) / 6;
				dot += person[i] * o;
				a += person[i] * person[i];
				b += o * o;
			}
			best = Math.max(best, dot / Math.sqrt(a * b));
		}
		return best;
	}

	private static double experienceFit(Intake intake, Pathway p) {
		return intake.experience().contains(p.category())
				|| p.id().equals("logistics") && intake.experience().contains("warehouse") ? 1 : 0;
	}

	/** The person's two strongest interest areas, in words, when they answered any. */
	private static String likedAreas(Intake intake, Words words) {
		double[] profile = InterestItems.profile(intake.interests());
		List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
		order.sort(Comparator.comparingDouble((Integer i) -> -profile[i]).thenComparing(i -> i));
		List<String> liked = order.stream()
			.limit(2)
			.filter(i -> profile[i] >= 3)
			.map(i -> words.say(String.valueOf(InterestItems.AREAS.charAt(i))))
			.toList();
		return liked.isEmpty() ? null : String.join("; ", liked);
	}

	private static ProgramMatch better(ProgramMatch a, ProgramMatch b) {
		return b.score() > a.score() ? b : a;
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

}
