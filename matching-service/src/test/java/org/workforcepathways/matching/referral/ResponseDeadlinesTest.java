package org.workforcepathways.matching.referral;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.workforcepathways.matching.MatchingProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Response deadlines count business days in the region's time zone: weekends do not count. */
class ResponseDeadlinesTest {

	private static ResponseDeadlines days(int n) {
		var properties = new MatchingProperties("a-test-key-of-enough-length", ZoneId.of("America/Chicago"), "/t", n);
		return new ResponseDeadlines(null, properties) {
			@Override
			public int businessDaysOrDefault(String organizationId) {
				return n;
			}
		};
	}

	@Test
	void twoBusinessDaysFromAFridayAfternoonIsTuesdayAfternoon() {
		Instant friday = Instant.parse("2026-11-20T21:00:00Z");
		assertThat(days(2).deadline("p", friday)).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
	}

	@Test
	void aWeekdayCountsItsDaysAndZeroMeansAtOnce() {
		Instant monday = Instant.parse("2026-11-23T15:00:00Z");
		assertThat(days(2).deadline("p", monday)).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
		assertThat(days(0).deadline("p", monday)).isEqualTo(monday);
		assertThat(days(5).deadline("p", monday)).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
	}

}
