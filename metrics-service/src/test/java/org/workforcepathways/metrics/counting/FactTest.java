package org.workforcepathways.metrics.counting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period's counters are read as one key range, compared as the store compares them (unsigned UTF-8 bytes): every
 * counter of the metric on a day inside the range's days falls inside it, whatever its dimensions hold, and every other
 * counter falls outside.
 */
class FactTest {

	private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

	@Property
	void aCounterIsInsideTheRangeOfItsMetricAndDayOnly(@ForAll @IntRange(max = 3000) int day,
			@ForAll @IntRange(max = 3000) int from, @ForAll @IntRange(max = 60) int length,
			@ForAll @Size(max = 4) List<String> dimensions, @ForAll boolean sameMetric) {
		LocalDate d = EPOCH.plusDays(day);
		LocalDate first = EPOCH.plusDays(from);
		LocalDate last = first.plusDays(length);
		String metric = sameMetric ? Metrics.SEARCH : Metrics.ZERO_RESULT;
		String key = new Fact(metric, d, dimensions.stream().map(v -> Fact.of(metric, d, v).dimension(0)).toList()).key();

		boolean inside = compare(key, Fact.first(Metrics.SEARCH, first)) >= 0 && compare(key, Fact.last(Metrics.SEARCH, last)) <= 0;

		assertThat(inside).isEqualTo(sameMetric && !d.isBefore(first) && !d.isAfter(last));
	}

	private static int compare(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
