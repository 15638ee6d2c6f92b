package org.workforcepathways.contracts.referral;

import java.time.LocalDate;


/**
 * A referral was sent or moved to a new status. Pseudonymous: the person is a stable hash that cannot be turned back
 * into an id; demographics travel only as the coarse categories the person consented to give, for the equity
 * metrics. Keyed by {@code referralId}, so the changes of one referral arrive in order.
 *
 * @param personRef the same for every referral of one person, and nothing else about them
 * @param status sent, accepted, declined, enrolled, completed, exited or withdrawn
 * @param reason why, for declined, exited and withdrawn (a code such as {@code no_capacity})
 * @param referringOrganizationId the case manager's organization; absent when people refer themselves
 * @param occupations O*NET-SOC codes of the program, for counting manufacturing enrollment
 * @param demographics absent without consent
 * @param campaign the campaign code the person arrived with, if any
 * @param outcome what happened, apart from the status: got_help, could_not_contact, not_eligible, no_capacity,
 *     no_longer_interested, other
 * @param deadlineAt when the provider should answer by
 * @param respondedAt when the provider first answered (accepted or declined)
 */
public record ReferralChanged(String referralId, String personRef, String listingId, String kind,
		String providerOrganizationId, String referringOrganizationId, String status, String reason,
		int version, java.util.List<String> occupations, Demographics demographics,
		String campaign, LocalDate placedOn, String outcome, java.time.Instant deadlineAt,
		java.time.Instant respondedAt) {

	/**
	 * Coarse categories only, each optional.
	 *
	 * @param justiceInvolved a returning citizen (has a conviction record), as the person chose to say
	 */
	public record Demographics(String sex, java.util.List<String> raceEthnicity, String ageBand,
			Boolean veteran, Boolean disability, Boolean justiceInvolved) {

	}

}
