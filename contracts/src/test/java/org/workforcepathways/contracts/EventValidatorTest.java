package org.workforcepathways.contracts;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workforcepathways.contracts.EventValidator.Accepted;
import org.workforcepathways.contracts.EventValidator.Rejection;
import org.workforcepathways.contracts.engagement.CampaignLanding;
import org.workforcepathways.contracts.engagement.ListingAction;
import org.workforcepathways.contracts.engagement.ListingRated;
import org.workforcepathways.contracts.engagement.ListingViewed;
import org.workforcepathways.contracts.engagement.SearchPerformed;
import org.workforcepathways.contracts.listing.ListingChanged;

import static org.assertj.core.api.Assertions.assertThat;

class EventValidatorTest {

	private final EventValidator validator = new EventValidator();

	@Test
	void acceptsWhatTheProducerWritesAndReadsItBack() {
		var event = CloudEvent.of(EventTypes.SEARCH_PERFORMED, "/directory-service",
				new SearchPerformed("welding", 7, Map.of("cost", "free"), "BILLBOARD-63", "s-123"));

		var result = validator.validate(EventJson.write(event));

		assertThat(result).isInstanceOf(Accepted.class);
		var back = ((Accepted) result).as(EventTypes.SEARCH_PERFORMED).orElseThrow();
		assertThat(back).isEqualTo(event);
	}

	@Test
	void acceptsAListingViewAndRejectsAnUnknownKind() {
		var event = CloudEvent.of(EventTypes.LISTING_VIEWED, "/directory-service",
				new ListingViewed("demo-tp-0001", null, "training_program", "calumet-community-college", null, "a1b2"));

		var result = validator.validate(EventJson.write(event));

		assertThat(result).isInstanceOf(Accepted.class);
		assertThat(((Accepted) result).as(EventTypes.LISTING_VIEWED)).contains(event);
		assertThat(((Accepted) result).as(EventTypes.SEARCH_PERFORMED)).isEmpty();
		assertThat(validator.validate(EventJson.write(event).replace("training_program", "lecture")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("kind"));
	}

	@Test
	void acceptsAListingChangeAndRejectsNegativeSeats() {
		var event = CloudEvent.of(EventTypes.LISTING_CHANGED, "/directory-service", new ListingChanged("demo-tp-0001",
				"calumet-community-college", "training_program", "updated", 3, "active", 14, 2,
				java.time.LocalDate.of(2027, 1, 13), "Welding Certificate", java.util.List.of("51-4121.06")));

		var result = validator.validate(EventJson.write(event));

		assertThat(result).isInstanceOf(Accepted.class);
		assertThat(((Accepted) result).as(EventTypes.LISTING_CHANGED)).contains(event);
		assertThat(validator.validate(EventJson.write(event).replace("\"seatsOpen\":2", "\"seatsOpen\":-2")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("seatsOpen"));
	}

	@Test
	void acceptsReferralEventsAndRejectsAnUnknownStatusOrAPersonId() {
		var demographics = new org.workforcepathways.contracts.referral.ReferralChanged.Demographics("female",
				java.util.List.of("hispanic_latino"), "25_34", false, null, true);
		var changed = CloudEvent.of(EventTypes.REFERRAL_CHANGED, "/matching-service",
				new org.workforcepathways.contracts.referral.ReferralChanged("r-1", "0123456789abcdef01234567",
						"demo-tp-0001", "training_program", "calumet-community-college", "southeast-jobs", "enrolled",
						null, 3, java.util.List.of("51-4121.00"), demographics, null, null, null, java.time.Instant.parse("2026-11-25T17:00:00Z"), null));
		var checked = CloudEvent.of(EventTypes.RETENTION_CHECKED, "/matching-service",
				new org.workforcepathways.contracts.referral.RetentionChecked("r-1", "0123456789abcdef01234567",
						"demo-tp-0001", "calumet-community-college", 90, true, java.time.LocalDate.of(2027, 2, 1),
						java.util.List.of("51-4121.00"), null, false));

		assertThat(validator.validate(EventJson.write(changed))).isInstanceOf(Accepted.class);
		assertThat(validator.validate(EventJson.write(checked))).isInstanceOf(Accepted.class);
		assertThat(validator.validate(EventJson.write(changed).replace("\"enrolled\"", "\"hired\"")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("status"));
		// a person's real id must never travel: the reference is a fixed-length hash
		assertThat(validator.validate(EventJson.write(changed).replace("0123456789abcdef01234567", "maria.lopez")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("personRef"));
		assertThat(validator.validate(EventJson.write(checked).replace("\"day\":90", "\"day\":91")))
			.isInstanceOf(Rejection.class);
	}

	@Test
	void acceptsActionsLandingsAndRatingsAndRejectsOutOfRangeStars() {
		var action = CloudEvent.of(EventTypes.LISTING_ACTION, "/d", new ListingAction("demo-tp-0001",
				"calumet-community-college", "training_program", "contact", "phone", "BILLBOARD-63", null));
		var landing = CloudEvent.of(EventTypes.CAMPAIGN_LANDING, "/d", new CampaignLanding("BILLBOARD-63", "/", "es", null));
		var rating = CloudEvent.of(EventTypes.LISTING_RATED, "/d",
				new ListingRated("demo-tp-0001", "calumet-community-college", 4, false, "a1"));

		assertThat(((Accepted) validator.validate(EventJson.write(action))).as(EventTypes.LISTING_ACTION)).contains(action);
		assertThat(((Accepted) validator.validate(EventJson.write(landing))).as(EventTypes.CAMPAIGN_LANDING))
			.contains(landing);
		assertThat(((Accepted) validator.validate(EventJson.write(rating))).as(EventTypes.LISTING_RATED)).contains(rating);
		assertThat(validator.validate(EventJson.write(rating).replace("\"stars\":4", "\"stars\":6")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("stars"));
	}

	@Test
	void rejectsBrokenJsonWithAReason() {
		assertThat(validator.validate("{\"type\": ")).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.reason()).startsWith("not JSON"));
	}

	@Test
	void rejectsAnUnknownType() {
		assertThat(validator.validate("{\"type\":\"nope\"}")).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.reason()).contains("unknown event type 'nope'"));
	}

	@Test
	void rejectsANegativeCountNamingTheField() {
		String json = EventJson
			.write(CloudEvent.of(EventTypes.SEARCH_PERFORMED, "/t", new SearchPerformed("cnc", 1, Map.of(), null, null)))
			.replace("\"resultCount\":1", "\"resultCount\":-4");

		assertThat(validator.validate(json)).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.reason()).contains("resultCount"));
	}

	@Test
	void rejectsAMissingEnvelopeAttribute() {
		String json = EventJson
			.write(CloudEvent.of(EventTypes.SEARCH_PERFORMED, "/t", new SearchPerformed("cnc", 1, Map.of(), null, null)))
			.replaceFirst("\"id\":\"[^\"]+\",", "");

		assertThat(validator.validate(json)).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.reason()).contains("id"));
	}

	@Test
	void acceptsTheCampaignFunnelEventsAndRejectsWhatTheyDoNotKnow() {
		var intake = CloudEvent.of(EventTypes.INTAKE_RECORDED, "/m",
				new org.workforcepathways.contracts.referral.IntakeRecorded("started", "billboard", "BB-63", false));
		var attendance = CloudEvent.of(EventTypes.EVENT_ATTENDANCE, "/d", new org.workforcepathways.contracts.listing.EventAttendance(
				"demo-ce-0001", "acme", java.time.LocalDate.of(2026, 10, 7), "in_person", 40, 31));
		var survey = CloudEvent.of(EventTypes.SURVEY_PROGRESS, "/d",
				new org.workforcepathways.contracts.listing.SurveyProgress(120, 110, 70));

		assertThat(((Accepted) validator.validate(EventJson.write(intake))).as(EventTypes.INTAKE_RECORDED)).contains(intake);
		assertThat(((Accepted) validator.validate(EventJson.write(attendance))).as(EventTypes.EVENT_ATTENDANCE))
			.contains(attendance);
		assertThat(((Accepted) validator.validate(EventJson.write(survey))).as(EventTypes.SURVEY_PROGRESS)).contains(survey);
		assertThat(validator.validate(EventJson.write(intake).replace("billboard", "skywriting")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("heardFrom"));
		assertThat(validator.validate(EventJson.write(attendance).replace("\"attended\":31", "\"attended\":-1")))
			.isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).contains("attended"));
	}

	@Test
	void anOptionalYesNoLeftOutReadsAsNo() {
		var check = CloudEvent.of(EventTypes.RETENTION_CHECKED, "/m", new org.workforcepathways.contracts.referral.RetentionChecked(
				"r-1", "0123456789abcdef01234567", "p-1", "org", 90, true, java.time.LocalDate.of(2026, 6, 1),
				java.util.List.of(), null, false));
		String withoutIt = EventJson.write(check).replace(",\"noContactByChoice\":false", "");

		var result = validator.validate(withoutIt);

		assertThat(withoutIt).doesNotContain("noContactByChoice");
		assertThat(result).isInstanceOf(Accepted.class);
		assertThat(((Accepted) result).as(EventTypes.RETENTION_CHECKED).orElseThrow().data().noContactByChoice()).isFalse();
	}

	@Test
	void everyTypeHasItsSchemaOnTheClasspath() {
		for (EventType<?> type : EventTypes.all()) {
			assertThat(getClass().getClassLoader().getResource(type.schemaResource())).as(type.name()).isNotNull();
		}
	}

}
