package org.workforcepathways.contracts.engagement;

/**
 * Someone opened a listing in full. Holds no personal data: ids of the listing and its organization, the campaign
 * code the visitor arrived with and a pseudonymous session id; never an IP address.
 *
 * @param serviceId the listing (HSDS service) id
 * @param serviceAtLocationId the search result it was opened from, when that was one location of the listing
 * @param kind training_program, support_service, career_event or job_opening
 * @param organizationId the organization that offers it
 * @param campaignCode the campaign code the visitor arrived with, if any
 * @param sessionId a pseudonymous session id, if any
 */
public record ListingViewed(String serviceId, String serviceAtLocationId, String kind, String organizationId,
		String campaignCode, String sessionId) {

}
