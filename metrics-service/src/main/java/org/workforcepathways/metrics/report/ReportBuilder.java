package org.workforcepathways.metrics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.workforcepathways.contracts.listing.ListingChanged;
import org.workforcepathways.metrics.campaign.Campaign;
import org.workforcepathways.metrics.counting.CountingStreams.Figures;
import org.workforcepathways.metrics.counting.Fact;
import org.workforcepathways.metrics.counting.Groups;
import org.workforcepathways.metrics.counting.Metrics;
import org.workforcepathways.metrics.counting.Snapshots;

/** Reads the counters and snapshots of the counting topology and lays out one campaign's report. */
public final class ReportBuilder {

	private static final List<String> STATUSES = List.of("sent", "accepted", "declined", "enrolled", "completed",
			"exited", "withdrawn");

	private static final List<String> HEARD_FROM = List.of("billboard", "transit", "newspaper", "social", "podcast",
			"newsletter", "radio", "flyer", "event", "friend_family", "case_manager", "employer", "school",
			"search_engine", "other", Groups.NOT_GIVEN);

	private static final Map<String, List<String>> GROUPS = Map.of("sex",
			List.of("female", "male", "nonbinary", "another", Groups.NOT_GIVEN), "poc",
			List.of("yes", "no", Groups.NOT_GIVEN), "age",
			List.of(Groups.YOUTH, "25_34", "35_44", "45_54", "55_64", "65_plus", Groups.NOT_GIVEN), "returning",
			List.of("yes", "no", Groups.NOT_GIVEN), "race",
			List.of("black", "hispanic_latino", "white", "asian", "native_american", "pacific_islander",
					"middle_eastern_north_african", "multiracial", "another"));

	private static final String NO_CODE = "none_or_other";

	/** Programs with open seats listed by name, most seats first; the totals cover them all. */
	private static final int MAX_PROGRAMS = 50;

	/** Days on which a zero-result query must have been searched before its text is listed. */
	private static final int MIN_QUERY_DAYS = 3;

	private final Figures figures;

	private final Suppression suppression;

	private final int topQueries;

	private final Clock clock;

	private final ReadOnlyKeyValueStore<String, Long> counts;

	public ReportBuilder(Figures figures, Suppression suppression, int topQueries, Clock clock) {
		this.figures = figures;
		this.suppression = suppression;
		this.topQueries = topQueries;
		this.clock = clock;
		this.counts = figures.counts();
	}

	public CampaignReport build(Campaign campaign, Period period) {
		Scope scope = new Scope(campaign, listings(), referredListings());
		Traffic traffic = traffic(campaign, period);
		var referrals = referrals(campaign, period, scope);
		var enrollment = enrollment(campaign, period, scope);
		var equity = equity(campaign, period, scope);
		var channels = channels(campaign, period, traffic.landingsByCode, referrals.byChannel());
		return new CampaignReport(campaign, period, clock.instant(),
				"Counts from 1 to " + (suppression.threshold() - 1) + " show as \"<" + suppression.threshold()
						+ "\"; \"suppressed\" hides a count so that a small one cannot be worked out from totals.",
				traffic.section, intakes(campaign, period), referrals, enrollment, equity, retention(campaign, period, scope),
				seats(scope), careerEvents(period), ratings(period), survey(campaign), channels);
	}

	// ---- traffic

	private record Traffic(CampaignReport.Traffic section, Table landingsByCode) {

	}

	private Traffic traffic(Campaign campaign, Period period) {
		List<String> codes = campaign.components().stream().map(Campaign.Component::code).toList();
		Map<String, Long> searchesPerBucket = new HashMap<>();
		Map<String, Long> searchesPerCode = new HashMap<>();
		scan(Metrics.SEARCH, period, (f, n) -> {
			add(searchesPerBucket, period.bucket(f.day()).toString(), n);
			add(searchesPerCode, codes.contains(f.dimension(0)) ? f.dimension(0) : NO_CODE, n);
		});
		Map<String, Long> viewsPerBucket = new HashMap<>();
		scan(Metrics.VIEW, period, (f, n) -> add(viewsPerBucket, period.bucket(f.day()).toString(), n));
		Map<String, Long> landings = new HashMap<>();
		scan(Metrics.LANDING, period, (f, n) -> {
			if (codes.contains(f.dimension(0))) {
				add(landings, f.dimension(0), n);
			}
		});
		Map<String, Long> zero = new HashMap<>();
		Map<String, Long> zeroDays = new HashMap<>();
		scan(Metrics.ZERO_RESULT, period, (f, n) -> {
			add(zero, f.dimension(0), n);
			add(zeroDays, f.dimension(0), 1);
		});
		Table searches = suppression.additive(Suppression.ordered(period.buckets(), searchesPerBucket));
		Table views = suppression.additive(Suppression.ordered(period.buckets(), viewsPerBucket));
		List<CampaignReport.Rate> ctr = new ArrayList<>();
		for (String bucket : period.buckets()) {
			Figure s = searches.row(bucket);
			Figure v = views.row(bucket);
			ctr.add(new CampaignReport.Rate(bucket, s.shown() && v.shown() && s.value() > 0
					? round(v.value() / (double) s.value()) : null));
		}
		List<String> withNone = new ArrayList<>(codes);
		withNone.add(NO_CODE);
		// a query's text is listed only once it was searched often enough, on enough days, that it cannot be one
		// person's search for their own name repeated
		List<CampaignReport.Query> queries = zero.entrySet()
			.stream()
			.filter(e -> e.getValue() >= suppression.threshold() && zeroDays.get(e.getKey()) >= MIN_QUERY_DAYS)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(topQueries)
			.map(e -> new CampaignReport.Query(e.getKey(), e.getValue()))
			.toList();
		Table landingsByCode = suppression.additive(Suppression.ordered(codes, landings));
		return new Traffic(new CampaignReport.Traffic(searches, views, ctr,
				suppression.additive(Suppression.ordered(withNone, searchesPerCode)), landingsByCode, queries,
				suppression.figure(zero.values().stream().mapToLong(Long::longValue).sum())), landingsByCode);
	}

	// ---- intakes

	private CampaignReport.Intakes intakes(Campaign campaign, Period period) {
		List<String> codes = new ArrayList<>(campaign.components().stream().map(Campaign.Component::code).toList());
		Map<String, Long> started = new HashMap<>();
		Map<String, Long> completed = new HashMap<>();
		Map<String, Long> heard = new HashMap<>();
		Map<String, Long> byCode = new HashMap<>();
		scan(Metrics.INTAKE, period, (f, n) -> {
			String bucket = period.bucket(f.day()).toString();
			if (f.dimension(0).equals("started")) {
				add(started, bucket, n);
				add(byCode, codes.contains(f.dimension(1)) ? f.dimension(1) : NO_CODE, n);
			}
			else {
				add(completed, bucket, n);
				add(heard, f.dimension(2).equals("-") ? Groups.NOT_GIVEN : f.dimension(2), n);
			}
		});
		Table s = suppression.additive(Suppression.ordered(period.buckets(), started));
		Table c = suppression.additive(Suppression.ordered(period.buckets(), completed));
		codes.add(NO_CODE);
		return new CampaignReport.Intakes(s, c, suppression.additive(Suppression.ordered(codes, byCode)),
				suppression.additive(Suppression.ordered(HEARD_FROM, heard)), ratio(c.total(), s.total()));
	}

	// ---- referrals and enrollment

	private CampaignReport.Referrals referrals(Campaign campaign, Period period, Scope scope) {
		List<String> codes = campaign.components().stream().map(Campaign.Component::code).toList();
		Map<String, Long> status = new HashMap<>();
		scan(Metrics.STATUS, period, (f, n) -> {
			if (scope.training(f.dimension(0))) {
				add(status, f.dimension(1), n);
			}
		});
		Map<String, Long> sent = new HashMap<>();
		Map<String, Long> byCode = new HashMap<>();
		scan(Metrics.referral(Metrics.APPLIED), period, (f, n) -> {
			if (scope.training(f.dimension(0))) {
				add(sent, period.bucket(f.day()).toString(), n);
				add(byCode, codes.contains(f.dimension(1)) ? f.dimension(1) : NO_CODE, n);
			}
		});
		long[] applyClicks = { 0 };
		scan(Metrics.ACTION, period, (f, n) -> {
			if (f.dimension(1).equals("apply") && f.dimension(2).equals("job_opening") && scope.includes(f.dimension(3))) {
				applyClicks[0] += n;
			}
		});
		List<String> withNone = new ArrayList<>(codes);
		withNone.add(NO_CODE);
		return new CampaignReport.Referrals(suppression.additive(Suppression.ordered(STATUSES, status)),
				suppression.additive(Suppression.ordered(period.buckets(), sent)),
				suppression.additive(Suppression.ordered(withNone, byCode)), suppression.figure(applyClicks[0]));
	}

	private CampaignReport.Enrollment enrollment(Campaign campaign, Period period, Scope scope) {
		Map<String, Long> trend = new HashMap<>();
		Map<String, Long> byProgram = new TreeMap<>();
		scan(Metrics.referral("enrolled"), period, (f, n) -> {
			if (scope.training(f.dimension(0))) {
				add(trend, period.bucket(f.day()).toString(), n);
				add(byProgram, f.dimension(0), n);
			}
		});
		Table t = suppression.additive(Suppression.ordered(period.buckets(), trend));
		Figure enrolled = t.total();
		Campaign.Targets targets = campaign.targets();
		Long baseline = null;
		Long target = null;
		if (targets.baselineEnrollment() != null && targets.baselineFrom() != null && targets.baselineTo() != null) {
			long referenceDays = ChronoUnit.DAYS.between(targets.baselineFrom(), targets.baselineTo()) + 1;
			baseline = Math.round(targets.baselineEnrollment() * (double) period.days() / referenceDays);
			BigDecimal increase = targets.enrollmentIncreasePercent() == null ? BigDecimal.ZERO
					: targets.enrollmentIncreasePercent();
			target = Math.round(baseline * (1 + increase.doubleValue() / 100));
		}
		LocalDate today = LocalDate.now(clock);
		Long forecast = null;
		if (enrolled.shown()) {
			LocalDate asOf = today.isAfter(period.to()) ? period.to() : today;
			long elapsed = ChronoUnit.DAYS.between(period.from(), asOf) + 1;
			forecast = elapsed <= 0 ? null
					: elapsed >= period.days() ? enrolled.value()
							: Math.round(enrolled.value() * (double) period.days() / elapsed);
		}
		return new CampaignReport.Enrollment(enrolled, baseline, target, forecast,
				forecast == null || target == null ? null : forecast >= target, t, suppression.additive(byProgram));
	}

	private CampaignReport.Equity equity(Campaign campaign, Period period, Scope scope) {
		Map<String, Table> applicants = groupTables(Metrics.referral(Metrics.APPLIED), period, scope);
		Map<String, Table> enrollees = groupTables(Metrics.referral("enrolled"), period, scope);
		List<CampaignReport.ShareTarget> targets = new ArrayList<>();
		for (var stage : Map.of("applicants", applicants, "enrollees", enrollees).entrySet()) {
			targets.add(shareTarget(stage.getKey(), "women", stage.getValue().get("sex"), "female",
					campaign.targets().womenShare()));
			targets.add(shareTarget(stage.getKey(), "people_of_color", stage.getValue().get("poc"), "yes",
					campaign.targets().peopleOfColorShare()));
		}
		targets.sort((a, b) -> (a.stage() + a.group()).compareTo(b.stage() + b.group()));
		List<CampaignReport.SelectionRate> fourFifths = new ArrayList<>();
		for (String dimension : List.of("sex", "poc", "age", "returning")) {
			fourFifths.addAll(selectionRates(dimension, applicants.get(dimension), enrollees.get(dimension)));
		}
		return new CampaignReport.Equity(applicants, enrollees, targets, fourFifths);
	}

	private Map<String, Table> groupTables(String metric, Period period, Scope scope) {
		Map<String, Map<String, Long>> byDimension = new HashMap<>();
		scan(Metrics.by(metric), period, (f, n) -> {
			if (scope.training(f.dimension(0))) {
				add(byDimension.computeIfAbsent(f.dimension(1), d -> new HashMap<>()), f.dimension(2), n);
			}
		});
		Map<String, Table> tables = new LinkedHashMap<>();
		for (String dimension : Groups.ALL) {
			Map<String, Long> counts = Suppression.ordered(GROUPS.get(dimension),
					byDimension.getOrDefault(dimension, Map.of()));
			if (dimension.equals("race")) {
				// no not_given row: it is the poc table's, which may withhold it
				counts.remove(Groups.NOT_GIVEN);
				long people = byDimension.getOrDefault("sex", Map.of()).values().stream().mapToLong(Long::longValue).sum();
				tables.put(dimension, suppression.overlapping(counts, people));
			}
			else {
				tables.put(dimension, suppression.additive(counts));
			}
		}
		return tables;
	}

	private static CampaignReport.ShareTarget shareTarget(String stage, String group, Table table, String row,
			BigDecimal target) {
		Figure count = table.row(row);
		Figure notGiven = table.row(Groups.NOT_GIVEN);
		Double share = null;
		if (count.shown() && notGiven.shown() && table.total().shown()) {
			long answered = table.total().value() - notGiven.value();
			share = answered > 0 ? round(count.value() / (double) answered) : null;
		}
		return new CampaignReport.ShareTarget(stage, group, share, target,
				share == null || target == null ? null : share >= target.doubleValue());
	}

	private static List<CampaignReport.SelectionRate> selectionRates(String dimension, Table applicants,
			Table enrollees) {
		Map<String, Double> rates = new LinkedHashMap<>();
		for (Table.Row row : applicants.rows()) {
			if (row.key().equals(Groups.NOT_GIVEN)) {
				continue;
			}
			Figure a = row.count();
			Figure e = enrollees.row(row.key());
			rates.put(row.key(), a.shown() && e.shown() && a.value() > 0 ? round(e.value() / (double) a.value()) : null);
		}
		double highest = rates.values().stream().filter(r -> r != null).mapToDouble(Double::doubleValue).max().orElse(0);
		List<CampaignReport.SelectionRate> out = new ArrayList<>();
		rates.forEach((group, rate) -> {
			Double ratio = rate == null || highest == 0 ? null : round(rate / highest);
			out.add(new CampaignReport.SelectionRate(dimension, group, applicants.row(group), enrollees.row(group), rate,
					ratio, ratio == null ? null : ratio < 0.8));
		});
		return out;
	}

	// ---- retention

	private CampaignReport.Retention retention(Campaign campaign, Period reportPeriod, Scope scope) {
		// a year's check-ins only come due a year after placement: cohorts are the placements of the year before the
		// period as well as the period's own
		Period period = new Period(reportPeriod.from().minusYears(1), reportPeriod.to(), "month");
		Map<String, Long> placedByCohort = new TreeMap<>();
		scan(Metrics.referral(Metrics.PLACED), period, (f, n) -> {
			if (scope.training(f.dimension(0))) {
				add(placedByCohort, month(f.day()), n);
			}
		});
		List<CampaignReport.Checkpoint> overall = new ArrayList<>();
		Map<String, List<CampaignReport.Checkpoint>> cohortCheckpoints = new TreeMap<>();
		Map<String, List<CampaignReport.Checkpoint>> byGroup = new TreeMap<>();
		for (int day : Metrics.RETENTION_DAYS) {
			BigDecimal target = day == 90 ? campaign.targets().retention90()
					: day == 365 ? campaign.targets().retention365() : null;
			Map<String, Map<String, Long>> perCohort = new TreeMap<>();
			Map<String, Map<String, Long>> perGroup = new TreeMap<>();
			perGroup.put("sex:female", new HashMap<>());
			perGroup.put("poc:yes", new HashMap<>());
			scan(Metrics.retention(day), period, (f, n) -> {
				if (scope.training(f.dimension(0))) {
					add(perCohort.computeIfAbsent(month(f.day()), c -> new HashMap<>()), f.dimension(1), n);
				}
			});
			scan(Metrics.by(Metrics.retention(day)), period, (f, n) -> {
				Map<String, Long> group = perGroup.get(f.dimension(2) + ":" + f.dimension(3));
				if (group != null && scope.training(f.dimension(0))) {
					add(group, f.dimension(1), n);
				}
			});
			Map<String, Long> all = new HashMap<>();
			perCohort.values().forEach(m -> m.forEach((k, v) -> add(all, k, v)));
			boolean everyCohortShown = true;
			for (var cohort : placedByCohort.entrySet()) {
				var checkpoint = cohortCheckpoint(day, perCohort.getOrDefault(cohort.getKey(), Map.of()), cohort.getValue(),
						target);
				everyCohortShown &= checkpoint.outcome().row(Metrics.EMPLOYED).shown()
						&& checkpoint.outcome().row(Metrics.NOT_EMPLOYED).shown();
				cohortCheckpoints.computeIfAbsent(cohort.getKey(), c -> new ArrayList<>()).add(checkpoint);
			}
			// a rate across cohorts beside a cohort's withheld count would give that count away
			overall.add(everyCohortShown ? rateOnly(day, all, target)
					: new CampaignReport.Checkpoint(day, null, null, target, null));
			perGroup.forEach((group, results) -> byGroup.computeIfAbsent(group, g -> new ArrayList<>())
				.add(rateOnly(day, results, target)));
		}
		List<CampaignReport.Cohort> cohorts = cohortCheckpoints.entrySet()
			.stream()
			.map(e -> new CampaignReport.Cohort(e.getKey(), e.getValue()))
			.toList();
		return new CampaignReport.Retention(overall, cohorts, byGroup);
	}

	private CampaignReport.Checkpoint cohortCheckpoint(int day, Map<String, Long> results, long placed,
			BigDecimal target) {
		Map<String, Long> outcome = new LinkedHashMap<>();
		long checked = 0;
		for (String r : List.of(Metrics.EMPLOYED, Metrics.NOT_EMPLOYED, Metrics.NO_CONTACT)) {
			long n = results.getOrDefault(r, 0L);
			outcome.put(r, n);
			checked += n;
		}
		outcome.put("not_checked", Math.max(0, placed - checked));
		Table table = suppression.additive(outcome);
		Figure employed = table.row(Metrics.EMPLOYED);
		Figure notEmployed = table.row(Metrics.NOT_EMPLOYED);
		Double rate = employed.shown() && notEmployed.shown() && employed.value() + notEmployed.value() > 0
				? round(employed.value() / (double) (employed.value() + notEmployed.value())) : null;
		return new CampaignReport.Checkpoint(day, table, rate, target, met(rate, target));
	}

	/** Employed among those reached; whoever chose not to be contacted or was not checked yet says nothing. */
	private CampaignReport.Checkpoint rateOnly(int day, Map<String, Long> results, BigDecimal target) {
		long employed = results.getOrDefault(Metrics.EMPLOYED, 0L);
		long notEmployed = results.getOrDefault(Metrics.NOT_EMPLOYED, 0L);
		boolean enough = (employed == 0 || employed >= suppression.threshold())
				&& (notEmployed == 0 || notEmployed >= suppression.threshold()) && employed + notEmployed > 0;
		Double rate = enough ? round(employed / (double) (employed + notEmployed)) : null;
		return new CampaignReport.Checkpoint(day, null, rate, target, met(rate, target));
	}

	private static Boolean met(Double rate, BigDecimal target) {
		return rate == null || target == null ? null : rate >= target.doubleValue();
	}

	private static String month(LocalDate day) {
		return day.toString().substring(0, 7);
	}

	// ---- seats, events, ratings, survey

	private CampaignReport.Seats seats(Scope scope) {
		List<CampaignReport.ProgramSeats> programs = new ArrayList<>();
		Map<String, Long> byOccupation = new TreeMap<>();
		long open = 0;
		long total = 0;
		for (ListingChanged l : scope.listings.values()) {
			if (!"training_program".equals(l.kind()) || !"active".equals(l.status()) || !scope.includes(l.serviceId())
					|| l.seatsOpen() == null) {
				continue;
			}
			open += l.seatsOpen();
			total += l.seatsTotal() == null ? l.seatsOpen() : l.seatsTotal();
			if (l.seatsOpen() > 0) {
				programs.add(new CampaignReport.ProgramSeats(l.serviceId(), l.name(), l.organizationId(), l.seatsOpen(),
						l.seatsTotal(), l.nextStart(), l.occupations()));
				l.occupations().forEach(o -> add(byOccupation, o, (long) l.seatsOpen()));
			}
		}
		programs.sort((a, b) -> Integer.compare(b.open(), a.open()));
		return new CampaignReport.Seats(open, total, programs.size(), programs.stream().limit(MAX_PROGRAMS).toList(),
				byOccupation);
	}

	private CampaignReport.CareerEvents careerEvents(Period period) {
		Map<String, Long> registered = new LinkedHashMap<>();
		Map<String, Long> attended = new LinkedHashMap<>();
		for (String format : List.of("in_person", "virtual", "hybrid")) {
			registered.put(format, 0L);
			attended.put(format, 0L);
		}
		Set<String> organizations = new java.util.HashSet<>();
		long dates = 0;
		try (var all = figures.attendance().all()) {
			while (all.hasNext()) {
				var a = Snapshots.read(all.next().value, Snapshots.Attendance.class).data();
				if (period.contains(a.eventOn())) {
					dates++;
					organizations.add(a.organizationId());
					add(registered, a.format(), (long) a.registered());
					add(attended, a.format(), (long) a.attended());
				}
			}
		}
		return new CampaignReport.CareerEvents(dates, organizations.size(), suppression.additive(registered),
				suppression.additive(attended));
	}

	private CampaignReport.Ratings ratings(Period period) {
		Map<String, Long> stars = new LinkedHashMap<>();
		for (int s = 1; s <= 5; s++) {
			stars.put(Integer.toString(s), 0L);
		}
		scan(Metrics.RATING, period, (f, n) -> add(stars, f.dimension(0), n));
		long[] incorrect = { 0 };
		scan(Metrics.RATING_INCORRECT, period, (f, n) -> incorrect[0] += n);
		Table table = suppression.additive(stars);
		// with the average and the total, two withheld star counts could be solved for: no average then
		Double average = null;
		if (table.rows().stream().allMatch(r -> r.count().shown()) && table.total().shown()
				&& table.total().value() > 0) {
			double sum = 0;
			for (Table.Row r : table.rows()) {
				sum += Integer.parseInt(r.key()) * r.count().value();
			}
			average = Math.round(100 * sum / table.total().value()) / 100.0;
		}
		return new CampaignReport.Ratings(table, average, suppression.figure(incorrect[0]));
	}

	private CampaignReport.Survey survey(Campaign campaign) {
		var snapshot = Snapshots.read(figures.survey().get("survey"), Snapshots.Survey.class);
		long known = snapshot == null ? 0 : snapshot.data().knownOrganizations();
		long surveyed = snapshot == null ? 0 : snapshot.data().surveyed();
		long responded = snapshot == null ? 0 : snapshot.data().responded();
		return new CampaignReport.Survey(known, surveyed, responded, known == 0 ? null : round(surveyed / (double) known),
				known == 0 ? null : round(responded / (double) known), campaign.targets().surveyedShare(),
				campaign.targets().respondedShare());
	}

	private CampaignReport.Channels channels(Campaign campaign, Period period, Table landingsByCode,
			Table applicantsByCode) {
		List<CampaignReport.Piece> pieces = campaign.components()
			.stream()
			.map(c -> new CampaignReport.Piece(c.code(), c.channel(), c.name(), c.liveFrom(), c.liveTo(),
					landingsByCode.row(c.code()), applicantsByCode.row(c.code())))
			.toList();
		Period weekly = new Period(period.from(), period.to(), "week");
		List<CampaignReport.Week> weeks = new ArrayList<>();
		for (String week : weekly.buckets()) {
			LocalDate start = LocalDate.parse(week);
			int live = (int) campaign.components()
				.stream()
				.filter(c -> start.datesUntil(start.plusDays(7)).anyMatch(c::liveOn))
				.count();
			weeks.add(new CampaignReport.Week(week, live));
		}
		List<String> codes = campaign.components().stream().map(Campaign.Component::code).toList();
		Map<String, Long> perWeek = new HashMap<>();
		scan(Metrics.LANDING, period, (f, n) -> {
			if (codes.contains(f.dimension(0))) {
				add(perWeek, weekly.bucket(f.day()).toString(), n);
			}
		});
		return new CampaignReport.Channels(pieces, weeks,
				suppression.additive(Suppression.ordered(weekly.buckets(), perWeek)));
	}

	// ---- reading

	/**
	 * Calls back with every counter of a metric whose day lies in the period. Keys sort by metric, then ISO day, so the
	 * store reads only the period's days: the cost of a report grows with its period, not with all the years stored.
	 */
	private void scan(String metric, Period period, BiConsumer<Fact, Long> each) {
		try (var it = counts.range(Fact.first(metric, period.from()), Fact.last(metric, period.to()))) {
			while (it.hasNext()) {
				var kv = it.next();
				Fact f = Fact.parse(kv.key);
				if (kv.value != 0 && period.contains(f.day())) {
					each.accept(f, kv.value);
				}
			}
		}
	}

	private Map<String, ListingChanged> listings() {
		Map<String, ListingChanged> out = new HashMap<>();
		try (var all = figures.listings().all()) {
			all.forEachRemaining(kv -> out.put(kv.key, Snapshots.read(kv.value, Snapshots.Listing.class).data()));
		}
		return out;
	}

	private Map<String, Metrics.ReferredListing> referredListings() {
		Map<String, Metrics.ReferredListing> out = new HashMap<>();
		try (var all = figures.referredListings().all()) {
			all.forEachRemaining(kv -> out.put(kv.key, Snapshots.read(kv.value, Metrics.ReferredListing.class)));
		}
		return out;
	}

	/**
	 * Which listings a campaign covers: its programs, or those preparing for its occupations, as the listing says now
	 * or as it said when people were referred to it; without either, every program.
	 */
	private static final class Scope {

		private final Campaign campaign;

		private final Map<String, ListingChanged> listings;

		private final Map<String, Metrics.ReferredListing> referred;

		Scope(Campaign campaign, Map<String, ListingChanged> listings, Map<String, Metrics.ReferredListing> referred) {
			this.campaign = campaign;
			this.listings = listings;
			this.referred = referred;
		}

		boolean includes(String listingId) {
			if (campaign.programs().isEmpty() && campaign.occupations().isEmpty()
					|| campaign.programs().contains(listingId)) {
				return true;
			}
			ListingChanged now = listings.get(listingId);
			Metrics.ReferredListing then = referred.get(listingId);
			return now != null && now.occupations().stream().anyMatch(campaign.occupations()::contains)
					|| then != null && then.occupations().stream().anyMatch(campaign.occupations()::contains);
		}

		/** A training program in scope: what enrollment and applicant figures count. */
		boolean training(String listingId) {
			ListingChanged now = listings.get(listingId);
			Metrics.ReferredListing then = referred.get(listingId);
			String kind = now != null ? now.kind() : then != null ? then.kind() : "training_program";
			return "training_program".equals(kind) && includes(listingId);
		}

	}

	private static void add(Map<String, Long> map, String key, long n) {
		map.merge(key, n, Long::sum);
	}

	private static Double ratio(Figure part, Figure whole) {
		return part.shown() && whole.shown() && whole.value() > 0 ? round(part.value() / (double) whole.value()) : null;
	}

	private static double round(double v) {
		return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
	}

}
