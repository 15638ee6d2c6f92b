package org.workforcepathways.directory.screener;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screener's verdicts: likely eligible, likely not eligible and why, or check with the provider. */
class ScreenerTest {

	private static Screener.Question q(String id, String type, Integer limit, List<String> values) {
		return new Screener.Question(id, type, limit, values, Map.of("en", "Question " + id));
	}

	private final Screener screener = new Screener(List.of(q("age", "min_age", 18, null),
			q("zip", "residency_zip", null, List.of("606", "60409")), q("education", "education", null, List.of("hs_diploma")),
			q("license", "drivers_license", null, null)));

	@Test
	void allAnswersThatQualifyAreLikelyEligible() {
		var r = screener.check(Map.of("age", "24", "zip", "60617", "education", "ged", "license", "yes"));
		assertThat(r.result()).isEqualTo("likely_eligible");
	}

	@Test
	void anAnswerThatDoesNotQualifySaysWhy() {
		var r = screener.check(Map.of("age", "17", "zip", "46320", "education", "none", "license", "yes"));
		assertThat(r.result()).isEqualTo("likely_not_eligible");
		assertThat(r.reasons()).containsExactly("must be at least 18 years old", "must live in the program's area",
				"needs at least hs diploma");
	}

	@Test
	void unansweredOrUnsureQuestionsSendYouToTheProvider() {
		var r = screener.check(Map.of("age", "30", "zip", "60409", "education", "not_sure"));
		assertThat(r.result()).isEqualTo("check_with_provider");
		assertThat(r.unanswered()).containsExactly("education", "license");
	}

	@Test
	void anAnswerThatCannotBeReadIsLeftToTheProviderNeverPassed() {
		var r = screener.check(Map.of("age", "twenty", "zip", "60617", "education", "HS_DIPLOMA", "license", "nope"));
		assertThat(r.result()).isEqualTo("check_with_provider");
		assertThat(r.unanswered()).containsExactly("age", "education", "license");
	}

	@Test
	void aBadScreenerNamesEachBadField() {
		var bad = new Screener(List.of(q("age", "min_age", null, null), q("age", "star_sign", null, null),
				q("zip", "residency_zip", null, List.of("60")), new Screener.Question("x", "prerequisite", null, null, Map.of())));
		assertThat(bad.problems()).extracting(p -> p.field())
			.contains("questions[0].limit", "questions[1].id", "questions[1].type", "questions[2].values", "questions[3].text");
	}

}
