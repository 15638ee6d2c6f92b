package org.workforcepathways.metrics.counting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What has been counted of one referral, so each milestone counts once however often its events arrive, and a
 * status change moves the referral from one status count to the next.
 *
 * @param version the highest referral version seen
 * @param status the status at that version
 * @param firstSeen the day the referral was first counted (its applicant day)
 * @param counted milestones already counted (statuses reached, and {@code placed})
 * @param retention what was counted for each retention check day, so a correction takes back exactly that
 */
public record ReferralProgress(int version, String status, LocalDate firstSeen, String listingId, Set<String> counted,
		Map<Integer, Retained> retention) {

	/** A retention check as counted: its result, on which cohort, in which groups. */
	public record Retained(String result, LocalDate placedOn, String listingId, java.util.List<Groups.Group> groups) {

	}

	public ReferralProgress {
		counted = new HashSet<>(counted == null ? Set.of() : counted);
		retention = new HashMap<>(retention == null ? Map.of() : retention);
	}

	static ReferralProgress first(LocalDate day, String listingId) {
		return new ReferralProgress(-1, null, day, listingId, Set.of(), Map.of());
	}

	ReferralProgress withStatus(int version, String status) {
		return new ReferralProgress(version, status, firstSeen, listingId, counted, retention);
	}

}
