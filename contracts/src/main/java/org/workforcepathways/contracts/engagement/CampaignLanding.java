package org.workforcepathways.contracts.engagement;

/**
 * Someone arrived at the directory from a campaign (a billboard QR code, a flyer, a partner's link).
 *
 * @param page the page they landed on (path only, no query string)
 */
public record CampaignLanding(String campaignCode, String page, String language, String sessionId) {

}
