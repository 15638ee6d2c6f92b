package org.workforcepathways.metrics.landing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.metrics.campaign.Campaigns;
import org.workforcepathways.metrics.config.MetricsProperties;
import org.workforcepathways.platform.Problems;

/** QR codes of campaign links ({@code <public url>/c/<code>}), for whoever prints the campaign. */
@RestController
class QrController {

	private final Campaigns campaigns;

	private final QrCodes qr;

	private final MetricsProperties properties;

	QrController(Campaigns campaigns, QrCodes qr, MetricsProperties properties) {
		this.campaigns = campaigns;
		this.qr = qr;
		this.properties = properties;
	}

	@GetMapping("/api/metrics/codes/{code}/qr.png")
	@PreAuthorize("hasAnyRole('city_staff', 'admin')")
	@Operation(summary = "The QR code of a campaign code's link, as PNG (size in pixels, 128-2048)")
	ResponseEntity<byte[]> png(@PathVariable String code,
			@RequestParam(defaultValue = "512") @Min(value = 128, message = "must be at least 128") @Max(value = 2048, message = "must be at most 2048") int size) {
		String known = known(code);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(known + ".png").build().toString())
			.body(qr.png(link(known), size));
	}

	@GetMapping("/api/metrics/codes/{code}/qr.svg")
	@PreAuthorize("hasAnyRole('city_staff', 'admin')")
	@Operation(summary = "The QR code of a campaign code's link, as SVG")
	ResponseEntity<String> svg(@PathVariable String code) {
		String known = known(code);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(known + ".svg").build().toString())
			.body(qr.svg(link(known)));
	}

	private String known(String code) {
		if (!code.matches("[A-Za-z0-9_-]{1,40}")) {
			throw new org.workforcepathways.platform.InvalidInputException("code", "must be 1-40 letters, digits, _ or -");
		}
		return campaigns.canonicalCode(code).orElseThrow(() -> Problems.notFound("No campaign has the code " + code + "."));
	}

	private String link(String code) {
		String base = properties.publicUrl().toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/c/" + code;
	}

}
