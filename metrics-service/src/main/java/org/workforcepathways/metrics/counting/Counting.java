package org.workforcepathways.metrics.counting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.EventValidator.Accepted;
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
 * Turns each valid event into counter changes ({@link Fact} key, +1 or -1) once: an event id seen before is dropped,
 * a referral milestone already counted is not counted again, and a referral's status count moves with it. Keeps the
 * latest state of listings, career-event dates and the survey for the report.
 */
final class Counting implements Processor<String, Accepted, String, Long> {

	private final ZoneId zone;

	private final long dedupWindowMs;

	private ProcessorContext<String, Long> context;

	private WindowStore<String, Long> seen;

	private KeyValueStore<String, String> referrals;

	private KeyValueStore<String, String> listings;

	private KeyValueStore<String, String> referredListings;

	private KeyValueStore<String, String> attendance;

	private KeyValueStore<String, String> survey;

	Counting(ZoneId zone, Duration dedupWindow) {
		this.zone = zone;
		this.dedupWindowMs = dedupWindow.toMillis();
	}

	@Override
	public void init(ProcessorContext<String, Long> context) {
		this.context = context;
		this.seen = context.getStateStore(CountingTopology.SEEN_EVENTS);
		this.referrals = context.getStateStore(CountingTopology.REFERRALS);
		this.listings = context.getStateStore(CountingTopology.LISTINGS);
		this.referredListings = context.getStateStore(CountingTopology.REFERRED_LISTINGS);
		this.attendance = context.getStateStore(CountingTopology.ATTENDANCE);
		this.survey = context.getStateStore(CountingTopology.SURVEY);
	}

	@Override
	public void process(Record<String, Accepted> record) {
		Accepted event = record.value();
		String id = event.tree().get("id").asString();
		long ts = record.timestamp();
		// a redelivered event (an outbox relay resending after a crash) has the same id and key, so the same partition
		try (WindowStoreIterator<Long> before = seen.fetch(id, ts - dedupWindowMs, ts + dedupWindowMs)) {
			if (before.hasNext()) {
				return;
			}
		}
		seen.put(id, ts, ts);
		List<Change> changes = new ArrayList<>();
		derive(event, changes);
		for (Change c : changes) {
			context.forward(new Record<>(c.fact().key(), c.delta(), ts));
		}
	}

	record Change(Fact fact, long delta) {

	}

	private LocalDate day(Instant time) {
		return LocalDate.ofInstant(time, zone);
	}

	private void derive(Accepted event, List<Change> out) {
		switch (event.type().name()) {
			case String t when t.equals(EventTypes.SEARCH_PERFORMED.name()) -> {
				CloudEvent<SearchPerformed> e = event.as(EventTypes.SEARCH_PERFORMED).orElseThrow();
				LocalDate day = day(e.time());
				out.add(plus(Fact.of(Metrics.SEARCH, day, e.data().campaignCode())));
				if (e.data().resultCount() == 0) {
					out.add(plus(Fact.of(Metrics.ZERO_RESULT, day, e.data().query())));
				}
			}
			case String t when t.equals(EventTypes.LISTING_VIEWED.name()) -> {
				CloudEvent<ListingViewed> e = event.as(EventTypes.LISTING_VIEWED).orElseThrow();
				out.add(plus(Fact.of(Metrics.VIEW, day(e.time()), e.data().campaignCode(), e.data().kind())));
			}
			case String t when t.equals(EventTypes.LISTING_ACTION.name()) -> {
				CloudEvent<ListingAction> e = event.as(EventTypes.LISTING_ACTION).orElseThrow();
				ListingAction a = e.data();
				out.add(plus(Fact.of(Metrics.ACTION, day(e.time()), a.campaignCode(), a.action(), a.kind(), a.serviceId())));
			}
			case String t when t.equals(EventTypes.CAMPAIGN_LANDING.name()) -> {
				CloudEvent<CampaignLanding> e = event.as(EventTypes.CAMPAIGN_LANDING).orElseThrow();
				out.add(plus(Fact.of(Metrics.LANDING, day(e.time()), e.data().campaignCode())));
			}
			case String t when t.equals(EventTypes.LISTING_RATED.name()) -> {
				CloudEvent<ListingRated> e = event.as(EventTypes.LISTING_RATED).orElseThrow();
				out.add(plus(Fact.of(Metrics.RATING, day(e.time()), Integer.toString(e.data().stars()), e.data().serviceId())));
				if (Boolean.FALSE.equals(e.data().informationCorrect())) {
					out.add(plus(Fact.of(Metrics.RATING_INCORRECT, day(e.time()), e.data().serviceId())));
				}
			}
			case String t when t.equals(EventTypes.INTAKE_RECORDED.name()) -> {
				CloudEvent<IntakeRecorded> e = event.as(EventTypes.INTAKE_RECORDED).orElseThrow();
				IntakeRecorded i = e.data();
				out.add(plus(Fact.of(Metrics.INTAKE, day(e.time()), i.stage(), i.campaign(), i.heardFrom())));
			}
			case String t when t.equals(EventTypes.REFERRAL_CHANGED.name()) ->
				referralChanged(event.as(EventTypes.REFERRAL_CHANGED).orElseThrow(), out);
			case String t when t.equals(EventTypes.RETENTION_CHECKED.name()) ->
				retentionChecked(event.as(EventTypes.RETENTION_CHECKED).orElseThrow(), out);
			case String t when t.equals(EventTypes.LISTING_CHANGED.name()) -> {
				ListingChanged l = event.as(EventTypes.LISTING_CHANGED).orElseThrow().data();
				Snapshots.Listing before = Snapshots.read(listings.get(l.serviceId()), Snapshots.Listing.class);
				if (before == null || before.data().version() <= l.version()) {
					listings.put(l.serviceId(), Snapshots.write(new Snapshots.Listing(l)));
				}
			}
			case String t when t.equals(EventTypes.EVENT_ATTENDANCE.name()) -> {
				CloudEvent<EventAttendance> e = event.as(EventTypes.EVENT_ATTENDANCE).orElseThrow();
				String key = e.data().serviceId() + "|" + e.data().eventOn();
				Snapshots.Attendance before = Snapshots.read(attendance.get(key), Snapshots.Attendance.class);
				if (before == null || !before.recordedAt().isAfter(e.time())) {
					attendance.put(key, Snapshots.write(new Snapshots.Attendance(e.time(), e.data())));
				}
			}
			case String t when t.equals(EventTypes.SURVEY_PROGRESS.name()) -> {
				CloudEvent<SurveyProgress> e = event.as(EventTypes.SURVEY_PROGRESS).orElseThrow();
				Snapshots.Survey before = Snapshots.read(survey.get(SurveyProgress.KEY), Snapshots.Survey.class);
				if (before == null || !before.reportedAt().isAfter(e.time())) {
					survey.put(SurveyProgress.KEY, Snapshots.write(new Snapshots.Survey(e.time(), e.data())));
				}
			}
			default -> {
				// valid but not counted (e.g. the overdue digest): checked and deduplicated, nothing more
			}
		}
	}

	private void referralChanged(CloudEvent<ReferralChanged> e, List<Change> out) {
		ReferralChanged r = e.data();
		LocalDate day = day(e.time());
		ReferralProgress progress = progress(r.referralId(), day, r.listingId());
		rememberListing(r.listingId(), r.kind(), r.occupations());
		// every referral is one applicant, on the first day it is seen, even if its 'sent' event is lost to a gap
		Milestone m = new Milestone(r.listingId(), r.campaign(), r.kind(), r.demographics());
		milestone(progress, Metrics.APPLIED, day, m, out);
		if (!r.status().equals("sent")) {
			milestone(progress, r.status(), day, m, out);
		}
		if (r.placedOn() != null) {
			milestone(progress, Metrics.PLACED, r.placedOn(), m, out);
		}
		if (r.version() > progress.version()) {
			if (progress.status() != null) {
				out.add(new Change(Fact.of(Metrics.STATUS, progress.firstSeen(), r.listingId(), progress.status()), -1));
			}
			out.add(plus(Fact.of(Metrics.STATUS, progress.firstSeen(), r.listingId(), r.status())));
			progress = progress.withStatus(r.version(), r.status());
		}
		referrals.put(r.referralId(), Snapshots.write(progress));
	}

	/** What a milestone is counted by. */
	private record Milestone(String listingId, String campaign, String kind, ReferralChanged.Demographics demographics) {

	}

	private void milestone(ReferralProgress progress, String milestone, LocalDate day, Milestone m, List<Change> out) {
		if (!progress.counted().add(milestone)) {
			return;
		}
		String metric = Metrics.referral(milestone);
		out.add(plus(Fact.of(metric, day, m.listingId(), m.campaign(), m.kind())));
		for (Groups.Group g : Groups.of(m.demographics())) {
			out.add(plus(Fact.of(Metrics.by(metric), day, m.listingId(), g.dimension(), g.value())));
		}
	}

	private void retentionChecked(CloudEvent<RetentionChecked> e, List<Change> out) {
		RetentionChecked c = e.data();
		ReferralProgress progress = progress(c.referralId(), day(e.time()), c.listingId());
		rememberListing(c.listingId(), "training_program", c.occupations());
		if (c.placedOn() != null) {
			milestone(progress, Metrics.PLACED, c.placedOn(),
					new Milestone(c.listingId(), null, "training_program", c.demographics()), out);
		}
		String result = c.noContactByChoice() || c.employed() == null ? Metrics.NO_CONTACT
				: c.employed() ? Metrics.EMPLOYED : Metrics.NOT_EMPLOYED;
		String metric = Metrics.retention(c.day());
		var now = new ReferralProgress.Retained(result, c.placedOn(), c.listingId(), Groups.of(c.demographics()));
		ReferralProgress.Retained before = progress.retention().put(c.day(), now);
		if (now.equals(before)) {
			referrals.put(c.referralId(), Snapshots.write(progress));
			return;
		}
		if (before != null) {
			// take back exactly what was counted, even if the placement date or the groups changed since
			out.add(new Change(Fact.of(metric, before.placedOn(), before.listingId(), before.result()), -1));
			before.groups().forEach(g -> out.add(new Change(Fact.of(Metrics.by(metric), before.placedOn(),
					before.listingId(), before.result(), g.dimension(), g.value()), -1)));
		}
		out.add(plus(Fact.of(metric, now.placedOn(), now.listingId(), now.result())));
		now.groups().forEach(g -> out.add(plus(Fact.of(Metrics.by(metric), now.placedOn(), now.listingId(), now.result(),
				g.dimension(), g.value()))));
		referrals.put(c.referralId(), Snapshots.write(progress));
	}

	private ReferralProgress progress(String referralId, LocalDate day, String listingId) {
		ReferralProgress p = Snapshots.read(referrals.get(referralId), ReferralProgress.class);
		return p != null ? p : ReferralProgress.first(day, listingId);
	}

	private void rememberListing(String listingId, String kind, List<String> occupations) {
		if (referredListings.get(listingId) == null) {
			referredListings.put(listingId, Snapshots.write(new Metrics.ReferredListing(kind,
					occupations == null ? List.of() : occupations)));
		}
	}

	private static Change plus(Fact fact) {
		return new Change(fact, 1);
	}

}
