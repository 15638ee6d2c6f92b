package org.workforcepathways.contracts.engagement;

import java.util.Map;

/**
 * Someone searched the directory. Holds no personal data: the query is normalized text, the session id is a random
 * pseudonym that lives only as long as the browser session, and there is never an IP address.
 *
 * @param query the normalized query text (lower case, single spaces), empty for a browse without text
 * @param resultCount how many listings matched
 * @param filters the filters applied, by name
 * @param campaignCode the campaign code the visitor arrived with, if any
 * @param sessionId a pseudonymous session id, if any
 */
public record SearchPerformed(String query, long resultCount, Map<String, String> filters, String campaignCode,
		String sessionId) {

	public SearchPerformed {
		filters = filters == null ? Map.of() : Map.copyOf(filters);
	}

}
