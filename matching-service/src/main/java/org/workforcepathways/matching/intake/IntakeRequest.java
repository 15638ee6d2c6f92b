package org.workforcepathways.matching.intake;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An intake as sent: the answers, and optionally demographics (with consent) and whether to save it.
 *
 * @param save keep the intake: a signed-in jobseeker's own, or, with {@code clientId}, a case manager's client's;
 *     anonymous answers are never kept
 * @param clientId the case manager's client the intake is for
 * @param campaign the campaign code the person arrived with, for the metrics
 * @param heardFrom how the person heard of the directory, for the campaign's metrics (never kept with the intake)
 */
public record IntakeRequest(@NotNull(message = "is required") @Valid Intake intake, @Valid @Nullable Demographics demographics,
		boolean save, @Nullable UUID clientId,
		@Pattern(regexp = CAMPAIGN, message = CAMPAIGN_MESSAGE) @Nullable String campaign,
		@Pattern(regexp = HEARD_FROM, message = HEARD_FROM_MESSAGE) @Nullable String heardFrom) {

	static final String CAMPAIGN = "[A-Za-z0-9_-]{1,40}";

	static final String CAMPAIGN_MESSAGE = "must be 1-40 letters, digits, _ or -";

	/** The answers to "how did you hear about us" (the intake-recorded event's schema lists the same). */
	static final String HEARD_FROM = "billboard|transit|newspaper|social|podcast|newsletter|radio|flyer|event"
			+ "|friend_family|case_manager|employer|school|search_engine|other";

	static final String HEARD_FROM_MESSAGE = "must be one of: billboard, transit, newspaper, social, podcast, newsletter, "
			+ "radio, flyer, event, friend_family, case_manager, employer, school, search_engine, other";

	public IntakeRequest {
		demographics = demographics == null ? Demographics.NONE : demographics;
	}

}
