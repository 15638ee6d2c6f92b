package org.workforcepathways.metrics.report;

import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.json.JsonMapper;

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
import org.workforcepathways.platform.Problems;

/** The campaign report for city staff and admins: aggregates only, small counts withheld. */
@RestController
class ReportController {

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

	/**
	 * Always the campaign's whole period: reports over periods that overlap (1-30 January and 1-31 January) would
	 * give small counts away by subtraction, and so would a daily trend beside the weekly one.
	 */
	@GetMapping("/api/metrics/campaigns/{id}/report")
	@PreAuthorize("hasAnyRole('city_staff', 'admin')")
	@Operation(summary = "A campaign's figures over its period, with weekly or monthly trends, as JSON or CSV; counts "
			+ "below the threshold show as \"<10\"")
	ResponseEntity<?> report(@PathVariable UUID id,
			@Parameter(description = "trend buckets: week (from Monday) or month") @RequestParam(defaultValue = "week") @Pattern(regexp = "week|month", message = "must be week or month") String granularity,
			@RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
		Campaign campaign = campaigns.find(id).orElseThrow(() -> Problems.notFound("No campaign " + id + "."));
		Period period = new Period(campaign.startsOn(), campaign.endsOn(), granularity);
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
