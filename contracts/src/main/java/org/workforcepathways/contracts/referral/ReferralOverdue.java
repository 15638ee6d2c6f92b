package org.workforcepathways.contracts.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A referral past its provider's response deadline without an answer, as listed in the daily digest. No personal
 * data. Keyed by {@code referralId}; one per referral per digest day.
 */
public record ReferralOverdue(String referralId, String providerOrganizationId, String referringOrganizationId,
		Instant deadlineAt, long hoursOverdue, LocalDate digestOn) {

}
