package org.workforcepathways.metrics.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.metrics.campaign.Campaign;
import org.workforcepathways.metrics.campaign.Campaigns;
import org.workforcepathways.metrics.config.MetricsProperties;
import org.workforcepathways.metrics.counting.CountingStreams;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;

/** The campaign report for city staff and admins: aggregates only, small counts withheld. */
@RestController
class ReportController {

	// a daily trend longer than this is unreadable; weeks or months serve a longer period
	private static final int MAX_DAILY_BUCKETS = 400;

	private final Campaigns campaigns;

	private final CountingStreams streams;

	private final MetricsProperties properties;

	private final JsonMapper json;

	ReportController(Campaigns campaigns, CountingStreams streams, MetricsProperties properties, JsonMapper json) {
		this.campaigns = campaigns;
		this.streams = streams;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping("/api/metrics/campaigns/{id}/report")
	@PreAuthorize("hasAnyRole('city_staff', 'admin')")
	@Operation(summary = "A campaign's figures over a period (default: the campaign's), as JSON or CSV; counts below "
			+ "the threshold show as \"<10\"")
	ResponseEntity<?> report(@PathVariable UUID id,
			@Parameter(description = "first day (default: the campaign's start)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "last day (default: the campaign's end)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "week") @Pattern(regexp = "day|week|month", message = "must be day, week or month") String granularity,
			@RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
		Campaign campaign = campaigns.find(id).orElseThrow(() -> Problems.notFound("No campaign " + id + "."));
		Period period = new Period(from == null ? campaign.startsOn() : from, to == null ? campaign.endsOn() : to,
				granularity);
		if (period.to().isBefore(period.from())) {
			throw new InvalidInputException("to", "must be on or after from (" + period.from() + ")");
		}
		if (period.days() > 366 * 5) {
			throw new InvalidInputException("from", "a report covers at most five years");
		}
		if (granularity.equals("day") && period.days() > MAX_DAILY_BUCKETS) {
			throw new InvalidInputException("granularity", "day covers at most " + MAX_DAILY_BUCKETS + " days; use week or month");
		}
		CampaignReport report = new ReportBuilder(streams.figures(), new Suppression(properties.suppressBelow()),
				properties.topQueries(), Clock.system(properties.timeZone())).build(campaign, period);
		if (format.equals("csv")) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename("campaign-" + id + "-" + period.from() + "-" + period.to() + ".csv")
					.build()
					.toString())
				.body(ReportCsv.write(report, json));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

}
