package org.workforcepathways.contracts.engagement;

/**
 * Someone acted on a listing: called or wrote to its provider, opened directions or its web site, or went on to
 * apply. No personal data: ids, the channel, the campaign code and a pseudonymous session id.
 *
 * @param action contact or apply
 * @param channel for contact: phone, email, website or directions; for apply: website or phone
 */
public record ListingAction(String serviceId, String organizationId, String kind, String action, String channel,
		String campaignCode, String sessionId) {

}
