package org.workforcepathways.matching.intake;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * An intake as sent: the answers, and optionally demographics (with consent) and whether to save it.
 *
 * @param save keep the intake: a signed-in jobseeker's own, or, with {@code clientId}, a case manager's client's;
 *     anonymous answers are never kept
 * @param clientId the case manager's client the intake is for
 * @param campaign the campaign code the person arrived with, for the metrics
 */
public record IntakeRequest(@NotNull(message = "is required") @Valid Intake intake, @Valid @Nullable Demographics demographics,
		boolean save, @Nullable UUID clientId, @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
				message = "must be 1-40 letters, digits, _ or -") @Nullable String campaign) {

	public IntakeRequest {
		demographics = demographics == null ? Demographics.NONE : demographics;
	}

}
