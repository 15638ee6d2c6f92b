package org.workforcepathways.metrics.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventJson;
import org.workforcepathways.contracts.EventTypes;
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

/** Events as the producers write them, for the topology's tests. */
public final class Events {

	public static final String WELDING = "51-4121.06";

	private Events() {
	}

	public static CloudEvent<SearchPerformed> search(String query, long results, String code, Instant at) {
		return CloudEvent.of(EventTypes.SEARCH_PERFORMED, "/test", new SearchPerformed(query, results, Map.of(), code, null),
				at);
	}

	public static CloudEvent<ListingViewed> view(String listing, String code, Instant at) {
		return CloudEvent.of(EventTypes.LISTING_VIEWED, "/test",
				new ListingViewed(listing, null, "training_program", "org-1", code, null), at);
	}

	public static CloudEvent<ListingAction> apply(String listing, String code, Instant at) {
		return CloudEvent.of(EventTypes.LISTING_ACTION, "/test",
				new ListingAction(listing, "org-1", "job_opening", "apply", "website", code, null), at);
	}

	public static CloudEvent<CampaignLanding> landing(String code, Instant at) {
		return CloudEvent.of(EventTypes.CAMPAIGN_LANDING, "/test", new CampaignLanding(code, "/c", "en", null), at);
	}

	public static CloudEvent<ListingRated> rating(String listing, int stars, Boolean correct, Instant at) {
		return CloudEvent.of(EventTypes.LISTING_RATED, "/test", new ListingRated(listing, "org-1", stars, correct, null),
				at);
	}

	public static CloudEvent<IntakeRecorded> intake(String stage, String heardFrom, String code, Instant at) {
		return CloudEvent.of(EventTypes.INTAKE_RECORDED, "/test", new IntakeRecorded(stage, heardFrom, code, false), at);
	}

	public static ReferralChanged.Demographics person(String sex, List<String> race, String age, Boolean returning) {
		return new ReferralChanged.Demographics(sex, race, age, null, null, returning);
	}

	public static CloudEvent<ReferralChanged> referral(String id, int version, String status, String listing,
			ReferralChanged.Demographics who, String code, LocalDate placedOn, Instant at) {
		return CloudEvent.of(EventTypes.REFERRAL_CHANGED, "/test",
				new ReferralChanged(id, "0123456789abcdef01234567", listing, "training_program", "org-1", "cm-org",
						status, null, version, List.of(WELDING), who, code, placedOn, null, null, null),
				at);
	}

	public static CloudEvent<RetentionChecked> retention(String referral, String listing, int day, Boolean employed,
			LocalDate placedOn, ReferralChanged.Demographics who, Instant at) {
		return CloudEvent.of(EventTypes.RETENTION_CHECKED, "/test", new RetentionChecked(referral,
				"0123456789abcdef01234567", listing, "org-1", day, employed, placedOn, List.of(WELDING), who, false), at);
	}

	public static CloudEvent<ListingChanged> listing(String id, long version, String name, Integer open, Integer total,
			LocalDate nextStart, Instant at) {
		return CloudEvent.of(EventTypes.LISTING_CHANGED, "/test", new ListingChanged(id, "org-1", "training_program",
				"updated", version, "active", total, open, nextStart, name, List.of(WELDING)), at);
	}

	public static CloudEvent<EventAttendance> attendance(String listing, String org, LocalDate on, String format,
			int registered, int attended, Instant at) {
		return CloudEvent.of(EventTypes.EVENT_ATTENDANCE, "/test",
				new EventAttendance(listing, org, on, format, registered, attended), at);
	}

	public static CloudEvent<SurveyProgress> survey(long known, long surveyed, long responded, Instant at) {
		return CloudEvent.of(EventTypes.SURVEY_PROGRESS, "/test", new SurveyProgress(known, surveyed, responded), at);
	}

	public static String json(CloudEvent<?> event) {
		return EventJson.write(event);
	}

}
