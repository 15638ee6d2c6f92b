package org.workforcepathways.directory.listing;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.directory.engagement.EngagementPublisher;
import org.workforcepathways.directory.engagement.SessionId;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.Problems;

/** Ratings from visitors, confirmations from providers, and what needs a provider's attention. */
@RestController
class ListingCareController {

	private static final String ID = "[A-Za-z0-9_.:-]{1,100}";

	private final ListingCare care;

	private final ListingRepository listings;

	private final EngagementPublisher engagement;

	ListingCareController(ListingCare care, ListingRepository listings, EngagementPublisher engagement) {
		this.care = care;
		this.listings = listings;
		this.engagement = engagement;
	}

	/** @param informationCorrect false reports the listing out of date to its provider */
	record Rating(@NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 5") @Max(value = 5,
			message = "must be 1 to 5") Integer stars, @Nullable Boolean informationCorrect) {

	}

	record Verified(String serviceId, Instant verifiedAt) {

	}

	@PostMapping("/api/directory/services/{id}/ratings")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rate a listing 1-5 and say whether its information is correct (anyone)")
	void rate(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing or search result id") String id,
			@Valid @RequestBody Rating rating,
			@RequestHeader(name = SessionId.HEADER, required = false) @Nullable String session) {
		String sessionId = SessionId.of(session);
		Listing listing = listings.findById(id)
			.or(() -> listings.serviceIdOf(id).flatMap(listings::findById))
			.orElseThrow(ListingCareController::notFound);
		care.rate(listing.id(), rating.stars(), rating.informationCorrect());
		engagement.listingRated(listing.id(), listing.organizationId(), rating.stars(), rating.informationCorrect(),
				sessionId);
	}

	@PostMapping("/api/directory/services/{id}/verify")
	@PreAuthorize("hasAnyRole('provider', 'admin')")
	@Operation(summary = "Confirm a listing is still right as it stands")
	Verified verify(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id,
			@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		listings.findById(id).filter(l -> caller.actsFor(l.organizationId())).orElseThrow(ListingCareController::notFound);
		return new Verified(id, care.verify(id, caller));
	}

	@GetMapping("/api/directory/attention")
	@PreAuthorize("hasAnyRole('provider', 'admin')")
	@Operation(summary = "Your listings that need attention: not confirmed for a while, or reported incorrect")
	List<ListingCare.Attention> attention(@AuthenticationPrincipal Jwt jwt) {
		return care.attention(Caller.of(jwt));
	}

	private static ErrorResponseException notFound() {
		return Problems.notFound("No listing with that id.");
	}

}
