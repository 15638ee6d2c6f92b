package org.workforcepathways.directory.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.directory.listing.Listing;

/** A listing as the search index holds it. */
public record ListingDocument(String id, String kind, String title, String organization, @Nullable String organizationId,
		String description, List<String> categories, @Nullable String city, @Nullable String zip,
		@Nullable GeoPoint location, List<String> languages, boolean free, BigDecimal cost, List<String> schedule,
		@Nullable String credential, List<String> occupations, @Nullable LocalDate nextStart,
		@Nullable Integer durationWeeks, @Nullable Integer seatsTotal, @Nullable Integer seatsOpen, boolean paid,
		List<String> supports, @Nullable String eligibility, boolean sample, @Nullable Instant updatedAt) {

	/** Elasticsearch's object form of a geo_point. */
	public record GeoPoint(double lat, double lon) {

	}

	static ListingDocument of(Listing l) {
		GeoPoint point = l.latitude() == null || l.longitude() == null ? null : new GeoPoint(l.latitude(), l.longitude());
		return new ListingDocument(l.id(), l.kind().code(), l.title(), l.organization(), l.organizationId(),
				l.description(), l.categories(), l.city(), l.zip(), point, l.languages(), l.free(), l.cost(), l.schedule(),
				l.credential(), l.occupations(), l.nextStart(), l.durationWeeks(), l.seatsTotal(), l.seatsOpen(), l.paid(),
				l.supports(), l.eligibility(), l.sample(), l.updatedAt());
	}

}
