package org.workforcepathways.directory.listing;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;

/**
 * Providers keep their own organization's listings current; admins any organization's. Every change names the
 * version it was made from ({@code If-Match}, the {@code ETag} of the read): a stale one is a 409 and overwrites
 * nothing.
 */
@RestController
@RequestMapping("/api/directory/services")
@PreAuthorize("hasAnyRole('provider', 'admin')")
class ListingEditController {

	private static final String ID = "[A-Za-z0-9_.:-]{1,64}";

	private final DirectoryStore store;

	private final ListingChanges changes;

	private final ListingRepository listings;

	ListingEditController(DirectoryStore store, ListingChanges changes, ListingRepository listings) {
		this.store = store;
		this.changes = changes;
		this.listings = listings;
	}

	@PostMapping
	@Operation(summary = "Add a listing for your organization")
	ResponseEntity<Listing> create(@RequestBody Listing listing, @AuthenticationPrincipal Jwt jwt) {
		Listing created = store.create(listing, Caller.of(jwt));
		return ResponseEntity.created(URI.create("/api/directory/services/" + created.id()))
			.eTag(etag(created))
			.body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a listing; If-Match must carry the version you read (its ETag)")
	ResponseEntity<Listing> replace(@PathVariable("id") @Pattern(regexp = ID, message = "must be 1-64 letters, digits or ._:-") String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody Listing listing,
			@AuthenticationPrincipal Jwt jwt) {
		Listing saved = store.replace(id, version(ifMatch), listing, Caller.of(jwt));
		return ResponseEntity.ok().eTag(etag(saved)).body(saved);
	}

	@PatchMapping("/{id}/availability")
	@Operation(summary = "Update seats and next start date; If-Match must carry the version you read")
	ResponseEntity<Listing> availability(@PathVariable("id") @Pattern(regexp = ID, message = "must be 1-64 letters, digits or ._:-") String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody DirectoryStore.Availability availability, @AuthenticationPrincipal Jwt jwt) {
		Listing saved = store.updateAvailability(id, version(ifMatch), availability, Caller.of(jwt));
		return ResponseEntity.ok().eTag(etag(saved)).body(saved);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Retire a listing: it leaves search, keeps its history; If-Match must carry its version")
	ResponseEntity<Listing> retire(@PathVariable("id") @Pattern(regexp = ID, message = "must be 1-64 letters, digits or ._:-") String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @AuthenticationPrincipal Jwt jwt) {
		Listing saved = store.retire(id, version(ifMatch), Caller.of(jwt));
		return ResponseEntity.ok().eTag(etag(saved)).body(saved);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed a listing, when, and what, newest first")
	List<ListingChanges.Entry> history(@PathVariable("id") @Pattern(regexp = ID, message = "must be 1-64 letters, digits or ._:-") String id,
			@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		listings.findById(id)
			.filter(l -> caller.actsFor(l.organizationId()))
			.orElseThrow(() -> Problems.notFound("No listing with that id."));
		return changes.history(id);
	}

	static String etag(Listing l) {
		return "\"" + l.version() + "\"";
	}

	/** The version an If-Match names ({@code "3"}, {@code W/"3"} or {@code 3}); without one, a 428. */
	private static long version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, Problems.problem(
					HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
					"Send If-Match with the ETag of the listing you read, so a newer change is never overwritten."), null);
		}
		String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.parseLong(v);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "must be the ETag of the listing, e.g. \"3\"");
		}
	}

}
