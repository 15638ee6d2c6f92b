package org.workforcepathways.directory.listing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.platform.Problems;

/** One listing in full, read from the system of record (public, like search). */
@RestController
@RequestMapping("/api/directory/services")
class ListingController {

	private final ListingRepository listings;

	ListingController(ListingRepository listings) {
		this.listings = listings;
	}

	@GetMapping("/{id}")
	@Operation(summary = "A listing in full: what it is, where, when, cost, seats, supports, eligibility, contact")
	Listing listing(@PathVariable("id") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}",
			message = "must be 1-64 letters, digits or ._:-") String id) {
		return listings.findById(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
				Problems.problem(HttpStatus.NOT_FOUND, "not-found", "No listing with that id."), null));
	}

}
