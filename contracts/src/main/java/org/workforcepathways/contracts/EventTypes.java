package org.workforcepathways.contracts;

import java.util.List;
import java.util.Optional;

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
import org.workforcepathways.contracts.referral.ReferralOverdue;
import org.workforcepathways.contracts.referral.RetentionChecked;

/** The registry of event types, so a consumer can find the schema for the {@code type} it reads. */
public final class EventTypes {

	public static final EventType<SearchPerformed> SEARCH_PERFORMED = new EventType<>(
			"org.workforcepathways.directory.search-performed", Topics.DIRECTORY_ENGAGEMENT, SearchPerformed.class,
			"schemas/directory.engagement/search-performed.v1.json");

	public static final EventType<ListingViewed> LISTING_VIEWED = new EventType<>(
			"org.workforcepathways.directory.listing-viewed", Topics.DIRECTORY_ENGAGEMENT, ListingViewed.class,
			"schemas/directory.engagement/listing-viewed.v1.json");

	public static final EventType<ListingChanged> LISTING_CHANGED = new EventType<>(
			"org.workforcepathways.directory.listing-changed", Topics.LISTING_CHANGES, ListingChanged.class,
			"schemas/listing.changes/listing-changed.v1.json");

	public static final EventType<ListingAction> LISTING_ACTION = new EventType<>(
			"org.workforcepathways.directory.listing-action", Topics.DIRECTORY_ENGAGEMENT, ListingAction.class,
			"schemas/directory.engagement/listing-action.v1.json");

	public static final EventType<CampaignLanding> CAMPAIGN_LANDING = new EventType<>(
			"org.workforcepathways.directory.campaign-landing", Topics.DIRECTORY_ENGAGEMENT, CampaignLanding.class,
			"schemas/directory.engagement/campaign-landing.v1.json");

	public static final EventType<ListingRated> LISTING_RATED = new EventType<>(
			"org.workforcepathways.directory.listing-rated", Topics.DIRECTORY_ENGAGEMENT, ListingRated.class,
			"schemas/directory.engagement/listing-rated.v1.json");

	public static final EventType<ReferralChanged> REFERRAL_CHANGED = new EventType<>(
			"org.workforcepathways.matching.referral-changed", Topics.REFERRAL_LIFECYCLE, ReferralChanged.class,
			"schemas/referral.lifecycle/referral-changed.v1.json");

	public static final EventType<RetentionChecked> RETENTION_CHECKED = new EventType<>(
			"org.workforcepathways.matching.retention-checked", Topics.REFERRAL_LIFECYCLE, RetentionChecked.class,
			"schemas/referral.lifecycle/retention-checked.v1.json");

	public static final EventType<ReferralOverdue> REFERRAL_OVERDUE = new EventType<>(
			"org.workforcepathways.matching.referral-overdue", Topics.REFERRAL_LIFECYCLE, ReferralOverdue.class,
			"schemas/referral.lifecycle/referral-overdue.v1.json");

	public static final EventType<IntakeRecorded> INTAKE_RECORDED = new EventType<>(
			"org.workforcepathways.matching.intake-recorded", Topics.REFERRAL_LIFECYCLE, IntakeRecorded.class,
			"schemas/referral.lifecycle/intake-recorded.v1.json");

	public static final EventType<EventAttendance> EVENT_ATTENDANCE = new EventType<>(
			"org.workforcepathways.directory.event-attendance", Topics.LISTING_CHANGES, EventAttendance.class,
			"schemas/listing.changes/event-attendance.v1.json");

	public static final EventType<SurveyProgress> SURVEY_PROGRESS = new EventType<>(
			"org.workforcepathways.directory.survey-progress", Topics.LISTING_CHANGES, SurveyProgress.class,
			"schemas/listing.changes/survey-progress.v1.json");

	private static final List<EventType<?>> ALL = List.of(SEARCH_PERFORMED, LISTING_VIEWED, LISTING_ACTION,
			CAMPAIGN_LANDING, LISTING_RATED, LISTING_CHANGED, EVENT_ATTENDANCE, SURVEY_PROGRESS, REFERRAL_CHANGED,
			RETENTION_CHECKED, REFERRAL_OVERDUE, INTAKE_RECORDED);

	private EventTypes() {
	}

	public static List<EventType<?>> all() {
		return ALL;
	}

	public static Optional<EventType<?>> byName(String name) {
		return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
	}

}
