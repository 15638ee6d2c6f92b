package org.workforcepathways.matching.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person referred to a program or support service, followed to enrollment and a year beyond.
 *
 * @param clientId the case manager's client; absent when a jobseeker referred themselves (or after erasure)
 * @param note for the provider, from the referrer
 * @param placedOn the day the person started a job after the program, when recorded
 * @param outcome what happened, kept apart from the status: got_help, could_not_contact, not_eligible, no_capacity,
 *     no_longer_interested, other
 * @param deadlineAt when the provider should answer by (their response deadline in business days)
 * @param overdue sent, past the deadline, and not answered
 * @param detailsWithheld the provider reads it without the note and screener answers: the person has not consented
 *     to share them (or withdrew)
 */
public record Referral(UUID id, @Nullable UUID clientId, @Nullable String referringOrganizationId, String listingId,
		String listingKind, String listingTitle, String providerOrganizationId, String status, @Nullable String reason,
		@Nullable String note, @Nullable LocalDate placedOn, Instant createdAt, Instant updatedAt, int version,
		List<Change> history, List<CheckIn> checkIns, @Nullable String outcome, @Nullable ScreenerAnswers screener,
		Instant deadlineAt, @Nullable Instant respondedAt, boolean overdue, boolean detailsWithheld) {

	/**
	 * The screener answers that travel with a referral to its provider, and what the screener made of them.
	 *
	 * @param result likely_eligible, likely_not_eligible or check_with_provider
	 */
	public record ScreenerAnswers(java.util.Map<String, String> answers, String result, List<String> reasons,
			List<String> unanswered) {

	}

	/** The same referral without what only the person's consent lets a provider see. */
	Referral withheld() {
		return new Referral(id, clientId, referringOrganizationId, listingId, listingKind, listingTitle,
				providerOrganizationId, status, reason, null, placedOn, createdAt, updatedAt, version, history, checkIns,
				outcome, null, deadlineAt, respondedAt, overdue, true);
	}

	/** One status change: who (subject and role) and when. */
	public record Change(@Nullable String from, String to, @Nullable String reason, String actorRole, Instant at) {

	}

	/** A retention check-in, due {@code day} days after placement. */
	public record CheckIn(int day, LocalDate dueOn, @Nullable Instant recordedAt, @Nullable Boolean employed,
			boolean noContactByChoice) {

	}

}
