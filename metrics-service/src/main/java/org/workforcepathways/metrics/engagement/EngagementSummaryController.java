package org.workforcepathways.metrics.engagement;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Directory traffic for city staff: aggregates only, never a person. */
@RestController
@RequestMapping("/api/metrics/engagement")
class EngagementSummaryController {

	private final EngagementStreams streams;

	EngagementSummaryController(EngagementStreams streams) {
		this.streams = streams;
	}

	@GetMapping("/summary")
	@PreAuthorize("hasRole('city_staff')")
	@Operation(summary = "Searches counted per day")
	EngagementSummary summary() {
		List<EngagementSummary.Day> days = new ArrayList<>();
		try (var all = streams.searchesPerDay().all()) {
			all.forEachRemaining(kv -> days.add(new EngagementSummary.Day(kv.key, kv.value)));
		}
		days.sort((a, b) -> a.day().compareTo(b.day()));
		return new EngagementSummary(days.stream().mapToLong(EngagementSummary.Day::searches).sum(), days);
	}

}
