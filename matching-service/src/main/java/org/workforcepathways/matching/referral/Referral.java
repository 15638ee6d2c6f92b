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
 */
public record Referral(UUID id, @Nullable UUID clientId, @Nullable String referringOrganizationId, String listingId,
		String listingKind, String listingTitle, String providerOrganizationId, String status, @Nullable String reason,
		@Nullable String note, @Nullable LocalDate placedOn, Instant createdAt, Instant updatedAt, int version,
		List<Change> history, List<CheckIn> checkIns) {

	/** One status change: who (subject and role) and when. */
	public record Change(@Nullable String from, String to, @Nullable String reason, String actorRole, Instant at) {

	}

	/** A retention check-in, due {@code day} days after placement. */
	public record CheckIn(int day, LocalDate dueOn, @Nullable Instant recordedAt, @Nullable Boolean employed) {

	}

}
