package org.workforcepathways.directory.listing;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.directory.engagement.EngagementPublisher;
import org.workforcepathways.directory.engagement.SessionId;
import org.workforcepathways.platform.Problems;

/** One listing in full, read from the system of record (public, like search). */
@RestController
@RequestMapping("/api/directory/services")
class ListingController {

	private final ListingRepository listings;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final EngagementPublisher engagement;

	private final ListingChanges changes;

	ListingController(ListingRepository listings, OrganizationRepository organizations, LocationRepository locations,
			EngagementPublisher engagement, ListingChanges changes) {
		this.changes = changes;
		this.listings = listings;
		this.organizations = organizations;
		this.locations = locations;
		this.engagement = engagement;
	}

	/** A listing with its organization and each location resolved. */
	record ListingDetail(Listing listing, Organization organization) {

	}

	@GetMapping("/{id}")
	@Operation(summary = "A listing in full: organization, locations with addresses, schedules, phones, and the "
			+ "workforce fields (cost, seats, credential, supports, eligibility). Takes a listing id or the id of a "
			+ "search result (service_at_location).")
	ResponseEntity<ListingDetail> listing(
			@PathVariable("id") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}",
					message = "must be 1-100 letters, digits or ._:-") String id,
			@RequestParam(name = "campaign", required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
					message = "must be 1-40 letters, digits, _ or -") @Nullable String campaign,
			@RequestHeader(name = SessionId.HEADER, required = false) @Nullable String session) {
		Listing found = listings.findById(id)
			.or(() -> listings.serviceIdOf(id).flatMap(listings::findById))
			.orElseThrow(() -> Problems.notFound("No listing with that id."));
		Map<String, Location> places = locations
			.findAllById(found.locations().stream().map(ServiceAtLocation::locationId).toList());
		Listing resolved = new Listing(found.id(), found.kind(), found.title(), found.organizationId(),
				found.description(), found.categories(), found.languages(), found.url(), found.email(), found.status(),
				found.eligibilityDescription(),
				found.locations().stream().map(s -> s.withLocation(places.get(s.locationId()))).toList(), found.phones(),
				found.schedules(), found.workforce(), found.sample(), found.updatedAt(), found.version());
		Organization organization = organizations.findById(found.organizationId()).orElseThrow();
		engagement.listingViewed(found.id(), id.equals(found.id()) ? null : id, found.kind().code(),
				found.organizationId(), campaign, SessionId.of(session));
		return ResponseEntity.ok().eTag(ListingEditController.etag(found)).body(new ListingDetail(resolved, organization));
	}

	@GetMapping("/{id}/sources")
	@Operation(summary = "Where each fact of a listing came from: the inventory it was imported from, or the role "
			+ "that last edited it")
	Map<String, ListingChanges.FactSource> sources(@PathVariable("id") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}",
			message = "must be 1-100 letters, digits or ._:-") String id) {
		listings.findById(id)
			.orElseThrow(() -> Problems.notFound("No listing with that id."));
		return changes.sources(id);
	}

}
