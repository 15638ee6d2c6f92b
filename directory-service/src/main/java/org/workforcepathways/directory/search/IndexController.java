package org.workforcepathways.directory.search;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.directory.listing.ListingRepository;

/** The search projection, for administrators: what it holds, and rebuilding it from the database. */
@RestController
@RequestMapping("/api/directory/index")
@PreAuthorize("hasRole('admin')")
class IndexController {

	private final ListingProjection projection;

	private final ListingIndex index;

	private final ListingRepository listings;

	IndexController(ListingProjection projection, ListingIndex index, ListingRepository listings) {
		this.projection = projection;
		this.index = index;
		this.listings = listings;
	}

	/**
	 * @param index the concrete index the alias points at
	 * @param documents search documents in it (one per listing and location)
	 * @param expectedDocuments what the database says it should hold
	 */
	record IndexStatus(String alias, @Nullable String index, long documents, long listings, long expectedDocuments,
			ListingProjection.Rebuild rebuild) {

	}

	@GetMapping
	@Operation(summary = "The search index: alias, concrete index, document counts against the database, rebuild "
			+ "progress")
	IndexStatus status() throws IOException {
		return new IndexStatus(index.alias(), index.aliasTarget().orElse(null), index.count(), listings.count(),
				listings.countSearchUnits(), projection.status());
	}

	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild the search index from the database beside the live one, then switch to it; "
			+ "follow progress with GET /api/directory/index")
	IndexStatus rebuild() throws IOException {
		projection.startRebuild();
		return status();
	}

}
