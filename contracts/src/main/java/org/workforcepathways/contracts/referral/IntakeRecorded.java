package org.workforcepathways.contracts.referral;

/**
 * Someone started or completed the intake. No personal data and no link to the person: only what the campaign's
 * funnel and "how did you hear about us" need. Keyed by the event id.
 *
 * @param stage started or completed
 * @param heardFrom how they heard of the directory (billboard, transit, newspaper, social, podcast, newsletter, radio,
 *     flyer, event, friend_family, case_manager, employer, school, search_engine, other), if they said
 * @param campaign the campaign code they arrived with, if any
 * @param assisted a case manager ran the intake with them
 */
public record IntakeRecorded(String stage, String heardFrom, String campaign, boolean assisted) {

	public static final String STARTED = "started";

	public static final String COMPLETED = "completed";

}
