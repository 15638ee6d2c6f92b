package org.workforcepathways.directory.screener;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;

/** A program's eligibility screener: providers write it, anyone checks their answers against it. */
@RestController
class ScreenerController {

	private static final String ID = "[A-Za-z0-9_.:-]{1,100}";

	private final Screeners screeners;

	private final ListingRepository listings;

	private final org.workforcepathways.directory.search.ListingIndex index;

	ScreenerController(Screeners screeners, ListingRepository listings,
			org.workforcepathways.directory.search.ListingIndex index) {
		this.screeners = screeners;
		this.listings = listings;
		this.index = index;
	}

	/** Search results carry the screener, so matching applies its rules; they follow each change at once. */
	private void reindex(Listing l) {
		try {
			index.index(List.of(l));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record Answers(@NotNull(message = "is required") @Size(max = 20, message = "must be at most 20") Map<String,
			@Size(max = 40, message = "must be at most 40 characters") String> answers) {

	}

	@GetMapping("/api/directory/services/{id}/screener")
	@Operation(summary = "A program's eligibility screener (anyone)")
	Screener get(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id) {
		return screeners.find(id).orElseThrow(() -> notFound("No screener for that listing."));
	}

	@PutMapping("/api/directory/services/{id}/screener")
	@Operation(summary = "Attach or replace a program's screener (its provider, or an admin)")
	Screener put(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id,
			@RequestBody Screener screener, @AuthenticationPrincipal Jwt jwt) {
		Listing listing = owned(id, Caller.of(jwt));
		var problems = screener.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		screeners.save(id, screener, Caller.of(jwt).subject());
		reindex(listing);
		return screeners.find(id).orElseThrow();
	}

	@DeleteMapping("/api/directory/services/{id}/screener")
	@Operation(summary = "Remove a program's screener (its provider, or an admin)")
	ResponseEntity<Void> delete(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id,
			@AuthenticationPrincipal Jwt jwt) {
		Listing listing = owned(id, Caller.of(jwt));
		if (!screeners.delete(id)) {
			throw notFound("No screener for that listing.");
		}
		reindex(listing);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/directory/services/{id}/screener/check")
	@Operation(summary = "Check answers: likely eligible, likely not eligible (why), or check with the provider (anyone)")
	Screener.Result check(@PathVariable("id") @Pattern(regexp = ID, message = "must be a listing id") String id,
			@Valid @RequestBody Answers body) {
		Screener screener = screeners.find(id).orElseThrow(() -> notFound("No screener for that listing."));
		body.answers().keySet().stream()
			.filter(k -> screener.questions().stream().noneMatch(q -> q.id().equals(k)))
			.findFirst()
			.ifPresent(k -> {
				throw new InvalidInputException("answers." + k, "is not a question of this screener");
			});
		return screener.check(body.answers());
	}

	private Listing owned(String id, Caller caller) {
		return listings.findById(id)
			.filter(l -> caller.actsFor(l.organizationId()))
			.orElseThrow(() -> notFound("No listing with that id."));
	}

	private static ErrorResponseException notFound(String detail) {
		return Problems.notFound(detail);
	}

}
