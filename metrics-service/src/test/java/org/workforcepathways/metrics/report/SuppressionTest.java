package org.workforcepathways.metrics.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Map<String, Long> rows(long... counts) {
		Map<String, Long> m = new LinkedHashMap<>();
		for (int i = 0; i < counts.length; i++) {
			m.put("g" + i, counts[i]);
		}
		return m;
	}

	@Test
	void aSmallCountShowsAsLessThanTheThresholdAndAnotherIsWithheldSoItCannotBeSubtracted() {
		Table t = new Suppression(10).additive(rows(3, 40, 55, 0));

		assertThat(t.total().json()).isEqualTo(98L);
		assertThat(t.rows().get(0).count().json()).isEqualTo("<10");
		assertThat(t.rows().get(1).count().json()).isEqualTo("suppressed");
		assertThat(t.rows().get(1).share()).isNull();
		assertThat(t.rows().get(2).count().json()).isEqualTo(55L);
		assertThat(t.rows().get(2).share()).isEqualTo(0.5612);
		assertThat(t.rows().get(3).count().json()).isEqualTo(0L);
	}

	@Test
	void aSmallTotalShowsAsSmallAndSoDoesEachNonZeroRow() {
		Table t = new Suppression(10).additive(rows(2, 0, 5));

		assertThat(t.total().json()).isEqualTo("<10");
		assertThat(t.rows()).extracting(r -> r.count().json()).containsExactly("<10", 0L, "<10");
	}

	@Test
	void whenNoChoiceOfRowsProtectsASmallOneTheWholeTableIsWithheld() {
		// 1 beside 10: whatever else were withheld, 11 - 10 = 1 would give the small one away
		Table t = new Suppression(10).additive(rows(1, 10));

		assertThat(t.total().json()).isEqualTo(11L);
		assertThat(t.rows()).extracting(r -> r.count().json()).containsOnly("suppressed");
	}

	@Test
	void theAttackerRecoversACountThatOnlyPrimarySuppressionHid() {
		// what a report without complementary suppression would show: 98 - 40 - 55 = 3
		Table naive = new Table(true, List.of(new Table.Row("a", Figure.small(10), null),
				new Table.Row("b", Figure.of(40), 0.41), new Table.Row("c", Figure.of(55), 0.56)), Figure.of(98));
		Table sharing = new Table(true, List.of(new Table.Row("a", Figure.small(10), 0.03),
				new Table.Row("b", Figure.hidden(), null), new Table.Row("c", Figure.of(55), 0.56)), Figure.of(98));

		assertThat(new Attacker(10).recover(JSON.valueToTree(Map.of("t", naive)))).containsExactly(".t a = 3");
		assertThat(new Attacker(10).recover(JSON.valueToTree(Map.of("t", sharing)))).contains(".t a = 3 (from its share)");
	}

	@Test
	void theThresholdIsNeverBelowFive() {
		assertThatThrownBy(() -> new Suppression(4)).isInstanceOf(IllegalArgumentException.class);
	}

	@Property(tries = 2000)
	void noWithheldCountCanBeRecoveredFromItsTable(@ForAll @Size(min = 1, max = 9) List<@IntRange(min = 0, max = 60) Integer> counts,
			@ForAll @IntRange(min = 5, max = 12) int threshold) {
		long[] values = counts.stream().mapToLong(Integer::longValue).toArray();
		Table table = new Suppression(threshold).additive(rows(values));
		JsonNode tree = JSON.valueToTree(Map.of("table", table));

		assertThat(new Attacker(threshold).recover(tree)).isEmpty();
		long total = 0;
		for (int i = 0; i < values.length; i++) {
			Figure shown = table.rows().get(i).count();
			total += values[i];
			if (shown.shown()) {
				assertThat(shown.value()).isEqualTo(values[i]);
			}
			else if (shown.marker().startsWith("<")) {
				assertThat(values[i]).isBetween(1L, threshold - 1L);
			}
			else {
				assertThat(shown.marker()).isEqualTo("suppressed");
			}
			if (values[i] >= 1 && values[i] < threshold) {
				assertThat(shown.shown()).as("a count below the threshold is never shown").isFalse();
			}
		}
		if (table.total().shown()) {
			assertThat(table.total().value()).isEqualTo(total);
		}
		else {
			assertThat(total).isBetween(1L, threshold - 1L);
		}
	}

}
