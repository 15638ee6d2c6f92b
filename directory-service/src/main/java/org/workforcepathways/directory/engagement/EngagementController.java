package org.workforcepathways.directory.engagement;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.platform.InvalidInputException;

/**
 * What the web app reports as people use the directory (anonymous): a contact or apply click on a listing, and an
 * arrival from a campaign. Recorded as engagement events for the campaign metrics; nothing about the person.
 */
@RestController
@RequestMapping("/api/directory/engagement")
class EngagementController {

	private final EngagementPublisher engagement;

	private final ListingRepository listings;

	EngagementController(EngagementPublisher engagement, ListingRepository listings) {
		this.engagement = engagement;
		this.listings = listings;
	}

	/**
	 * @param action contact or apply
	 * @param channel phone, email, website or directions
	 */
	record Action(@NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}",
			message = "must be a listing or search result id") String serviceId,
			@NotNull(message = "is required") @Pattern(regexp = "contact|apply",
					message = "must be contact or apply") String action,
			@NotNull(message = "is required") @Pattern(regexp = "phone|email|website|directions",
					message = "must be phone, email, website or directions") String channel,
			@Nullable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
					message = "must be 1-40 letters, digits, '-' or '_'") String campaign) {

	}

	/**
	 * @param page the path landed on, without its query string
	 * @param language the language the page was shown in
	 */
	record Landing(@NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
			message = "must be 1-40 letters, digits, '-' or '_'") String campaign,
			@NotNull(message = "is required") @Pattern(regexp = "/[A-Za-z0-9/_.-]{0,199}",
					message = "must be a path such as /search") String page,
			@Nullable @Pattern(regexp = "en|es", message = "must be en or es") String language) {

	}

	@PostMapping("/actions")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Report a contact or apply click on a listing")
	void action(@Valid @RequestBody Action action,
			@RequestHeader(name = SessionId.HEADER, required = false) @Nullable String session) {
		String sessionId = SessionId.of(session);
		var listing = listings.findById(action.serviceId())
			.or(() -> listings.serviceIdOf(action.serviceId()).flatMap(listings::findById))
			.orElseThrow(() -> new InvalidInputException("serviceId", "is not a listing in the directory"));
		engagement.listingAction(listing.id(), listing.organizationId(), listing.kind().code(), action.action(),
				action.channel(), action.campaign(), sessionId);
	}

	@PostMapping("/landings")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Report an arrival from a campaign link or QR code")
	void landing(@Valid @RequestBody Landing landing,
			@RequestHeader(name = SessionId.HEADER, required = false) @Nullable String session) {
		engagement.campaignLanding(landing.campaign(), landing.page(), landing.language(), SessionId.of(session));
	}

}
