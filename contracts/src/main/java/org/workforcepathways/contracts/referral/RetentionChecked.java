package org.workforcepathways.contracts.referral;

import java.time.LocalDate;


/**
 * A retention check-in after a placement: whether the person is still employed at day 30, 90, 180 or 365.
 * Pseudonymous like {@link ReferralChanged}.
 *
 * @param employed absent when the person chose not to be contacted ({@code noContactByChoice})
 */
public record RetentionChecked(String referralId, String personRef, String listingId, String providerOrganizationId,
		int day, Boolean employed, LocalDate placedOn, java.util.List<String> occupations,
		ReferralChanged.Demographics demographics, boolean noContactByChoice) {

}
