package org.workforcepathways.metrics.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventJson;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.engagement.CampaignLanding;
import org.workforcepathways.contracts.engagement.ListingAction;
import org.workforcepathways.contracts.engagement.ListingRated;
import org.workforcepathways.contracts.engagement.ListingViewed;
import org.workforcepathways.contracts.engagement.SearchPerformed;
import org.workforcepathways.contracts.listing.EventAttendance;
import org.workforcepathways.contracts.listing.ListingChanged;
import org.workforcepathways.contracts.listing.SurveyProgress;
import org.workforcepathways.contracts.referral.IntakeRecorded;
import org.workforcepathways.contracts.referral.ReferralChanged;
import org.workforcepathways.contracts.referral.RetentionChecked;

/**
 * A month (or any number of days) of a campaign's events, as the services would publish them: searches, views,
 * landings per code, intakes, referrals moving to enrollment, retention check-ins of earlier placements, seats,
 * event attendance and the survey. Deterministic for a seed. About one event in a hundred is sent twice, as an
 * outbox relay does after a crash, so the counts must not double.
 */
public final class CampaignTraffic {

	/** One record to publish. {@code duplicate} marks a redelivery of an event already in the list. */
	public record Sent(String topic, String key, String json, Instant time, boolean duplicate) {

	}

	private static final String[] GAP_QUERIES = { "cdl class a", "forklift en espanol", "pipefitter apprenticeship",
			"welding saturday", "cnc night class", "childcare overnight", "electrician pre apprenticeship",
			"robotics technician", "osha 30 spanish", "machinist gary" };

	private static final String[] QUERIES = { "welding", "cnc", "forklift", "childcare", "bus pass", "apprenticeship",
			"soldadura", "industrial maintenance", "quality inspector", "legal help record", "housing", "ged" };

	private static final String[] HEARD = { "billboard", "transit", "newspaper", "social", "podcast", "newsletter",
			"radio", "flyer", "event", "friend_family", "case_manager", "employer", "school", "search_engine", "other" };

	private final List<DemoListing> listings;

	private final Map<String, Double> landingsPerDay;

	private final ZoneId zone;

	private final double scale;

	private final Random random;

	private final List<Sent> out = new ArrayList<>();

	private Instant now;

	/**
	 * @param landingsPerDay campaign codes and how many people land with each per day
	 * @param scale 1 is a regional directory's month (about 12,000 events); more for load
	 */
	public CampaignTraffic(List<DemoListing> listings, Map<String, Double> landingsPerDay, ZoneId zone, double scale,
			long seed) {
		this.listings = listings;
		this.landingsPerDay = landingsPerDay;
		this.zone = zone;
		this.scale = scale;
		this.random = new Random(seed);
	}

	/** Events of {@code days} days starting at {@code first}, none after {@code now}, in the order they happened. */
	public List<Sent> generate(LocalDate first, int days, Instant now) {
		this.now = now;
		List<DemoListing> programs = of("training_program");
		List<DemoListing> openings = of("job_opening");
		List<DemoListing> events = of("career_event");
		List<String> codes = new ArrayList<>(landingsPerDay.keySet());
		for (DemoListing p : programs) {
			int total = p.seats() > 0 ? p.seats() : 12 + random.nextInt(13);
			listing(p, 1, total, random.nextInt(total / 2 + 1), first.plusDays(20 + random.nextInt(60)),
					at(first.minusDays(1)));
		}
		survey(at(first), 40, 24, 9);
		for (int d = 0; d < days; d++) {
			LocalDate day = first.plusDays(d);
			double weekday = day.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.1;
			for (var code : landingsPerDay.entrySet()) {
				for (int i = poisson(code.getValue() * scale * weekday); i > 0; i--) {
					emit(Topics.DIRECTORY_ENGAGEMENT, null, CloudEvent.of(EventTypes.CAMPAIGN_LANDING, "/directory-service",
							new CampaignLanding(code.getKey(), "/c", random.nextInt(4) == 0 ? "es" : "en", null), at(day)));
				}
			}
			for (int i = poisson(180 * scale * weekday); i > 0; i--) {
				String code = random.nextInt(5) == 0 ? pick(codes) : null;
				boolean gap = random.nextInt(25) == 0;
				emit(Topics.DIRECTORY_ENGAGEMENT, null, CloudEvent.of(EventTypes.SEARCH_PERFORMED, "/directory-service",
						new SearchPerformed(gap ? pick(GAP_QUERIES) : pick(QUERIES), gap ? 0 : 1 + random.nextInt(40),
								Map.of(), code, null),
						at(day)));
				if (random.nextInt(100) < 45) {
					DemoListing l = pick(listings);
					emit(Topics.DIRECTORY_ENGAGEMENT, null, CloudEvent.of(EventTypes.LISTING_VIEWED, "/directory-service",
							new ListingViewed(l.id(), null, l.kind(), l.organizationId(), code, null), at(day)));
				}
			}
			for (int i = poisson(5 * scale); i > 0 && !openings.isEmpty(); i--) {
				DemoListing o = pick(openings);
				emit(Topics.DIRECTORY_ENGAGEMENT, null, CloudEvent.of(EventTypes.LISTING_ACTION, "/directory-service",
						new ListingAction(o.id(), o.organizationId(), o.kind(), "apply", "website",
								random.nextInt(4) == 0 ? pick(codes) : null, null),
						at(day)));
			}
			for (int i = poisson(4 * scale); i > 0; i--) {
				DemoListing l = pick(listings);
				int stars = new int[] { 1, 2, 3, 4, 4, 5, 5, 5 }[random.nextInt(8)];
				emit(Topics.DIRECTORY_ENGAGEMENT, null, CloudEvent.of(EventTypes.LISTING_RATED, "/directory-service",
						new ListingRated(l.id(), l.organizationId(), stars, random.nextInt(10) == 0 ? false : null, null),
						at(day)));
			}
			for (int i = poisson(14 * scale * weekday); i > 0; i--) {
				String code = random.nextInt(3) == 0 ? pick(codes) : null;
				String heard = random.nextInt(8) == 0 ? null : pick(HEARD);
				emit(Topics.REFERRAL_LIFECYCLE, null, CloudEvent.of(EventTypes.INTAKE_RECORDED, "/matching-service",
						new IntakeRecorded("started", heard, code, false), at(day)));
				if (random.nextInt(100) < 65) {
					emit(Topics.REFERRAL_LIFECYCLE, null, CloudEvent.of(EventTypes.INTAKE_RECORDED, "/matching-service",
							new IntakeRecorded("completed", heard, code, random.nextInt(3) == 0), at(day)));
				}
			}
			for (int i = poisson(6 * scale * weekday); i > 0 && !programs.isEmpty(); i--) {
				referral(pick(programs), day, random.nextInt(3) == 0 ? pick(codes) : null, null);
			}
			// earlier placements come due for their check-ins
			for (int i = poisson(3 * scale); i > 0 && !programs.isEmpty(); i--) {
				int checkDay = new int[] { 30, 90, 180, 365 }[random.nextInt(4)];
				LocalDate placedOn = day.minusDays(checkDay);
				referral(pick(programs), placedOn.minusDays(60), null, placedOn);
			}
			if (!programs.isEmpty() && random.nextInt(3) == 0) {
				DemoListing p = pick(programs);
				int total = p.seats() > 0 ? p.seats() : 16;
				listing(p, 2 + d, total, random.nextInt(total / 3 + 1), day.plusDays(30), at(day));
			}
			for (DemoListing e : events) {
				if (Math.floorMod(e.id().hashCode() + d, 9) == 0) {
					int registered = 12 + random.nextInt(50);
					emit(Topics.LISTING_CHANGES, e.id(), CloudEvent.of(EventTypes.EVENT_ATTENDANCE, "/directory-service",
							new EventAttendance(e.id(), e.organizationId(), day,
									new String[] { "in_person", "in_person", "virtual", "hybrid" }[random.nextInt(4)],
									registered, registered * (60 + random.nextInt(35)) / 100),
							at(day)));
				}
			}
			if (d % 7 == 6) {
				survey(at(day), 40, Math.min(40, 24 + d / 2), Math.min(30, 9 + d / 3));
			}
		}
		out.sort(Comparator.comparing(Sent::time));
		return List.copyOf(out);
	}

	private void referral(DemoListing program, LocalDate sentOn, String code, LocalDate placedOn) {
		String id = java.util.UUID.nameUUIDFromBytes(("sim-" + random.nextLong()).getBytes()).toString();
		String person = String.format("%024x", new java.math.BigInteger(1, id.replace("-", "").getBytes()).mod(
				java.math.BigInteger.TWO.pow(96)));
		var who = person();
		Instant t = at(sentOn);
		int v = 0;
		Supplier<ReferralChanged.Demographics> d = () -> who;
		if (placedOn != null) {
			// a placement of the past: its enrollment and completion happened, its check-ins fall now
			refEvent(id, person, program, "sent", v++, d.get(), code, null, t);
			refEvent(id, person, program, "enrolled", v++, d.get(), code, null, t.plusSeconds(86400 * 7));
			refEvent(id, person, program, "completed", v++, d.get(), code, placedOn, at(placedOn));
			for (int checkDay : new int[] { 30, 90, 180, 365 }) {
				Instant checkAt = at(placedOn.plusDays(checkDay));
				int roll = random.nextInt(100);
				Boolean employed = roll < 12 ? null : roll < 82;
				emit(Topics.REFERRAL_LIFECYCLE, id, CloudEvent.of(EventTypes.RETENTION_CHECKED, "/matching-service",
						new RetentionChecked(id, person, program.id(), program.organizationId(), checkDay, employed,
								placedOn, program.occupations(), who, employed == null),
						checkAt));
			}
			return;
		}
		refEvent(id, person, program, "sent", v++, who, code, null, t);
		int roll = random.nextInt(100);
		Instant answered = t.plusSeconds(3600L * (4 + random.nextInt(60)));
		if (roll < 15) {
			refEvent(id, person, program, "declined", v++, who, code, null, answered);
			return;
		}
		if (roll < 85) {
			refEvent(id, person, program, "accepted", v++, who, code, null, answered);
			if (random.nextInt(100) < 60) {
				refEvent(id, person, program, "enrolled", v++, who, code, null,
						answered.plusSeconds(86400L * (2 + random.nextInt(9))));
			}
			else if (random.nextInt(3) == 0) {
				refEvent(id, person, program, "withdrawn", v++, who, code, null, answered.plusSeconds(86400L * 3));
			}
		}
	}

	private void refEvent(String id, String person, DemoListing p, String status, int version,
			ReferralChanged.Demographics who, String code, LocalDate placedOn, Instant at) {
		emit(Topics.REFERRAL_LIFECYCLE, id, CloudEvent.of(EventTypes.REFERRAL_CHANGED, "/matching-service",
				new ReferralChanged(id, person, p.id(), p.kind(), p.organizationId(), "demo-workforce-board", status,
						status.equals("declined") ? "no_capacity" : null, version, p.occupations(), who, code, placedOn,
						null, null, null),
				at));
	}

	private ReferralChanged.Demographics person() {
		if (random.nextInt(100) < 8) {
			return null;
		}
		int s = random.nextInt(100);
		String sex = s < 31 ? "female" : s < 92 ? "male" : s < 94 ? "nonbinary" : null;
		int r = random.nextInt(100);
		List<String> race = r < 44 ? List.of("black") : r < 66 ? List.of("hispanic_latino") : r < 88 ? List.of("white")
				: r < 91 ? List.of("asian") : r < 95 ? List.of("black", "hispanic_latino") : List.of();
		String age = new String[] { "under_18", "18_24", "18_24", "25_34", "25_34", "25_34", "35_44", "35_44", "45_54",
				"55_64", null }[random.nextInt(11)];
		Boolean returning = random.nextInt(100) < 10 ? null : random.nextInt(100) < 14;
		return new ReferralChanged.Demographics(sex, race, age, random.nextInt(20) == 0, null, returning);
	}

	private void listing(DemoListing p, long version, int total, int open, LocalDate nextStart, Instant at) {
		emit(Topics.LISTING_CHANGES, p.id(), CloudEvent.of(EventTypes.LISTING_CHANGED, "/directory-service",
				new ListingChanged(p.id(), p.organizationId(), p.kind(), "updated", version, "active", total, open,
						nextStart, p.name(), p.occupations()),
				at));
	}

	private void survey(Instant at, long known, long surveyed, long responded) {
		emit(Topics.LISTING_CHANGES, SurveyProgress.KEY, CloudEvent.of(EventTypes.SURVEY_PROGRESS, "/directory-service",
				new SurveyProgress(known, surveyed, responded), at));
	}

	private void emit(String topic, String key, CloudEvent<?> event) {
		if (event.time().isAfter(now)) {
			return;
		}
		String json = EventJson.write(event);
		Sent sent = new Sent(topic, key == null ? event.id() : key, json, event.time(), false);
		out.add(sent);
		if (random.nextInt(100) == 0) {
			out.add(new Sent(sent.topic(), sent.key(), json, event.time().plusSeconds(1), true));
		}
	}

	private Instant at(LocalDate day) {
		// office hours in the region, spread over the day
		return day.atStartOfDay(zone).plusMinutes(7 * 60 + random.nextInt(14 * 60)).toInstant();
	}

	private List<DemoListing> of(String kind) {
		return listings.stream().filter(l -> l.kind().equals(kind)).toList();
	}

	private <T> T pick(List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	private String pick(String[] from) {
		return from[random.nextInt(from.length)];
	}

	private int poisson(double mean) {
		double l = Math.exp(-mean);
		if (mean > 30) {
			return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
		}
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= random.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

}
