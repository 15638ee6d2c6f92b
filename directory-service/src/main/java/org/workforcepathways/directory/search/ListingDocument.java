package org.workforcepathways.directory.search;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.directory.listing.Listing;

/** A listing as the search index holds it. */
public record ListingDocument(String id, String kind, String title, String organization, String description,
		List<String> categories, @Nullable String city, @Nullable String zip, @Nullable GeoPoint location,
		List<String> languages, boolean free, boolean sample, @Nullable Instant updatedAt) {

	/** Elasticsearch's object form of a geo_point. */
	public record GeoPoint(double lat, double lon) {

	}

	static ListingDocument of(Listing l) {
		GeoPoint point = l.latitude() == null || l.longitude() == null ? null : new GeoPoint(l.latitude(), l.longitude());
		return new ListingDocument(l.id(), l.kind().code(), l.title(), l.organization(), l.description(), l.categories(),
				l.city(), l.zip(), point, l.languages(), l.free(), l.sample(), l.updatedAt());
	}

}
