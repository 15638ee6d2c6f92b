package org.workforcepathways.metrics.landing;

import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.engagement.CampaignLanding;
import org.workforcepathways.metrics.campaign.Campaigns;
import org.workforcepathways.metrics.config.MetricsProperties;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * The short link on posters and in QR codes. Anyone may follow it: a known code records a landing and carries the
 * code into the directory (where searches and views keep it); an unknown or mistyped one still reaches the directory,
 * uncounted, because a person holding a flyer should never meet an error page.
 */
@RestController
class LandingController {

	private static final String CODE = "[A-Za-z0-9_-]{1,40}";

	private final Campaigns campaigns;

	private final Outbox outbox;

	private final MetricsProperties properties;

	LandingController(Campaigns campaigns, Outbox outbox, MetricsProperties properties) {
		this.campaigns = campaigns;
		this.outbox = outbox;
		this.properties = properties;
	}

	@GetMapping("/c/{code}")
	@Transactional
	@Operation(summary = "Follow a campaign code: records a landing and redirects to the directory (public)")
	ResponseEntity<Void> land(@PathVariable String code,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage,
			jakarta.servlet.http.HttpServletRequest request) {
		String known = code.matches(CODE) ? campaigns.canonicalCode(code).orElse(null) : null;
		// link previews ask with HEAD: they are not people landing
		boolean person = "GET".equals(request.getMethod());
		URI target = UriComponentsBuilder.fromUri(properties.directoryUrl()).build().toUri();
		if (known != null) {
			String language = acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("es") ? "es" : "en";
			var event = CloudEvent.of(EventTypes.CAMPAIGN_LANDING, properties.source(),
					new CampaignLanding(known, "/c", language, null));
			if (person) {
				outbox.add(Topics.DIRECTORY_ENGAGEMENT, event.id(), event);
			}
			target = UriComponentsBuilder.fromUri(properties.directoryUrl())
				.queryParam("campaign", known)
				.queryParam("lang", language)
				.build()
				.toUri();
		}
		// never cached: each scan of a poster is a landing
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(target)
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
