package org.workforcepathways.contracts.engagement;

/**
 * Someone rated a listing's content. {@code informationCorrect} false means they reported it out of date, which the
 * provider is asked to check.
 */
public record ListingRated(String serviceId, String organizationId, int stars, Boolean informationCorrect,
		String sessionId) {

}
