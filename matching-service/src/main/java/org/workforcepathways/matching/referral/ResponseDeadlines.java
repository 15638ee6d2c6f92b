package org.workforcepathways.matching.referral;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.workforcepathways.matching.MatchingProperties;

/**
 * How long a provider organization has to answer a referral: its own number of business days, or the default
 * ({@code matching.response-deadline-business-days}, 2). Weekends do not count; holidays are not known here.
 */
@Component
public class ResponseDeadlines {

	private final JdbcClient jdbc;

	private final MatchingProperties properties;

	ResponseDeadlines(JdbcClient jdbc, MatchingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The organization's own setting, if it has one. */
	public Optional<Integer> businessDays(String organizationId) {
		return jdbc.sql("select business_days from provider_deadline where organization_id = :org")
			.param("org", organizationId)
			.query(Integer.class)
			.optional();
	}

	public int businessDaysOrDefault(String organizationId) {
		return businessDays(organizationId).orElse(properties.responseDeadlineBusinessDays());
	}

	public void set(String organizationId, int businessDays, String by) {
		jdbc.sql("insert into provider_deadline (organization_id, business_days, updated_by) values (?, ?, ?) "
				+ "on conflict (organization_id) do update set business_days = excluded.business_days, "
				+ "updated_by = excluded.updated_by, updated_at = now()")
			.params(organizationId, businessDays, by)
			.update();
	}

	/** When a referral sent at {@code sent} to this organization should be answered by. */
	public Instant deadline(String organizationId, Instant sent) {
		ZonedDateTime t = sent.atZone(properties.timeZone());
		int left = businessDaysOrDefault(organizationId);
		while (left > 0) {
			t = t.plusDays(1);
			if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return t.toInstant();
	}

}
