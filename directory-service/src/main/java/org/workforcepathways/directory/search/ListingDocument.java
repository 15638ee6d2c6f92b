package org.workforcepathways.directory.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.ServiceAtLocation;
import org.workforcepathways.directory.listing.Workforce;

/**
 * A search result as the index holds it: one listing at one location (HSDS service_at_location), or the listing
 * alone when it has no location (online). Organization, address and occupation titles are copied in.
 *
 * @param id the service_at_location id, or the listing id for a listing without locations
 */
public record ListingDocument(String id, String serviceId, String kind, String title, String organization,
		String organizationId, String description, List<String> categories, @Nullable String locationName,
		@Nullable String address, @Nullable String city, @Nullable String zip, @Nullable GeoPoint location,
		List<String> languages, boolean free, BigDecimal cost, List<String> schedule, @Nullable String credential,
		List<String> occupations, List<String> occupationTitles, @Nullable LocalDate nextStart,
		@Nullable Integer durationWeeks, @Nullable Integer seatsTotal, @Nullable Integer seatsOpen, boolean paid,
		List<String> supports, @Nullable String eligibility, @Nullable Integer minAge, @Nullable Integer maxAge,
		List<String> residency, boolean justiceInvolvedWelcome, boolean sample, @Nullable Instant updatedAt,
		@Nullable List<org.workforcepathways.directory.screener.Screener.Question> screener) {

	/** Elasticsearch's object form of a geo_point. */
	public record GeoPoint(double lat, double lon) {

	}

	/** @param screener the program's eligibility screener, carried (not indexed) so matching can apply its rules */
	static List<ListingDocument> of(Listing l, Organization organization, Map<String, Location> locations,
			List<String> occupationTitles, org.workforcepathways.directory.screener.@Nullable Screener screener) {
		List<ListingDocument> documents = new ArrayList<>();
		for (ServiceAtLocation site : l.locations()) {
			documents.add(of(site.id(), l, organization, locations.get(site.locationId()), occupationTitles, screener));
		}
		if (documents.isEmpty()) {
			documents.add(of(l.id(), l, organization, null, occupationTitles, screener));
		}
		return documents;
	}

	private static ListingDocument of(String id, Listing l, Organization organization, @Nullable Location place,
			List<String> occupationTitles, org.workforcepathways.directory.screener.@Nullable Screener screener) {
		Workforce w = l.workforce();
		Location.Address a = place == null ? null : place.address();
		GeoPoint point = place == null || place.latitude() == null ? null
				: new GeoPoint(place.latitude(), place.longitude());
		return new ListingDocument(id, l.id(), l.kind().code(), l.title(), organization.name(), organization.id(),
				l.description(), l.categories(), place == null ? null : place.name(),
				a == null || a.address1() == null ? null : a.address1(), a == null ? null : a.city(),
				a == null ? null : a.postalCode(), point, l.languages(), w.free(), w.cost(), w.schedule(),
				w.credential(), w.occupations(), occupationTitles, w.nextStart(), w.durationWeeks(), w.seatsTotal(),
				w.seatsOpen(), w.paid(), w.supports(), l.eligibilityDescription(), w.eligibility().minAge(),
				w.eligibility().maxAge(), w.eligibility().residency(), w.eligibility().justiceInvolvedWelcome(),
				l.sample(), l.updatedAt(), screener == null ? null : screener.questions());
	}

}
