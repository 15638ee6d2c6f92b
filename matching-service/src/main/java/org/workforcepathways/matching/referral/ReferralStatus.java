package org.workforcepathways.matching.referral;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a referral is in the process, and the moves allowed from each status (docs/referrals.md):
 *
 * <pre>
 * sent ──► accepted ──► enrolled ──► completed
 *   │         │            └──────► exited (reason)
 *   └─────────┴──► declined (reason)
 * sent, accepted, enrolled ──► withdrawn (the person withdrew)
 * </pre>
 *
 * The receiving provider accepts, declines, enrolls, completes and records an exit; the referring side (the case
 * manager's organization, or the jobseeker who referred themselves) withdraws.
 */
public enum ReferralStatus {

	SENT, ACCEPTED, DECLINED, ENROLLED, COMPLETED, EXITED, WITHDRAWN;

	private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(SENT,
			Set.of(ACCEPTED, DECLINED, WITHDRAWN), ACCEPTED, Set.of(ENROLLED, DECLINED, WITHDRAWN), ENROLLED,
			Set.of(COMPLETED, EXITED, WITHDRAWN), DECLINED, Set.of(), COMPLETED, Set.of(), EXITED, Set.of(), WITHDRAWN,
			Set.of());

	/** Reasons a provider may give for declining, or for an exit. */
	public static final Set<String> REASONS = Set.of("no_capacity", "not_eligible", "could_not_contact",
			"no_longer_interested", "schedule_conflict", "found_employment", "moved", "health", "other");

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ReferralStatus of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	public boolean canMoveTo(ReferralStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Moves the receiving provider makes; the rest belong to the referring side. */
	public boolean byProvider() {
		return this != WITHDRAWN && this != SENT;
	}

	public boolean needsReason() {
		return this == DECLINED || this == EXITED;
	}

	public boolean isOpen() {
		return this == SENT || this == ACCEPTED || this == ENROLLED;
	}

}
