package org.workforcepathways.directory.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.LocationRepository;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.OrganizationRepository;
import org.workforcepathways.directory.listing.ServiceAtLocation;

/** Listings and organizations as HSDS 3.0 documents, read in batches with what they reference. */
@Component
public class HsdsDocuments {

	private final ListingRepository listings;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final HsdsRecords records;

	private final HsdsMapper mapper;

	HsdsDocuments(ListingRepository listings, OrganizationRepository organizations, LocationRepository locations,
			HsdsRecords records, HsdsMapper mapper) {
		this.listings = listings;
		this.organizations = organizations;
		this.locations = locations;
		this.records = records;
		this.mapper = mapper;
	}

	/** Nested service documents (service_full shape), in the order of {@code ids}' listings. */
	public List<ObjectNode> services(List<String> ids) {
		List<Listing> found = listings.findAllById(ids);
		Set<String> organizationIds = new LinkedHashSet<>();
		found.forEach(l -> organizationIds.add(l.organizationId()));
		Map<String, ObjectNode> organizationDocs = organizationDocs(organizationIds);
		Set<String> locationIds = new LinkedHashSet<>();
		found.forEach(l -> l.locations().forEach(s -> locationIds.add(s.locationId())));
		Map<String, ObjectNode> locationDocs = locationDocs(locations.findAllById(locationIds).values());
		Map<String, JsonNode> received = records.find("service", ids);
		List<ObjectNode> out = new ArrayList<>();
		for (Listing l : found) {
			out.add(mapper.service(l, received.get(l.id()), organizationDocs.get(l.organizationId()), locationDocs));
		}
		return out;
	}

	/**
	 * Organization documents (organization_full shape) with their locations and, when asked, their services (without
	 * the organization repeated inside each).
	 */
	public List<ObjectNode> organizations(List<String> ids, boolean withServices) {
		Map<String, ObjectNode> docs = organizationDocs(ids);
		if (withServices) {
			Map<String, List<String>> serviceIds = new HashMap<>();
			for (String id : docs.keySet()) {
				serviceIds.put(id, organizations.listingIds(id));
			}
			for (Map.Entry<String, ObjectNode> e : docs.entrySet()) {
				List<ObjectNode> services = services(serviceIds.get(e.getKey()));
				services.forEach(s -> s.remove("organization"));
				e.getValue().set("services", e.getValue().arrayNode().addAll(services));
			}
		}
		return ids.stream().filter(docs::containsKey).map(docs::get).toList();
	}

	private Map<String, ObjectNode> organizationDocs(java.util.Collection<String> ids) {
		Map<String, Organization> found = organizations.findAllById(ids);
		Map<String, List<Location>> places = locations.findByOrganizations(found.keySet());
		List<Location> all = places.values().stream().flatMap(List::stream).toList();
		Map<String, ObjectNode> placeDocs = locationDocs(all);
		Map<String, JsonNode> received = records.find("organization", found.keySet());
		Map<String, ObjectNode> out = new HashMap<>();
		for (Organization o : found.values()) {
			List<ObjectNode> own = places.getOrDefault(o.id(), List.of()).stream().map(l -> placeDocs.get(l.id())).toList();
			out.put(o.id(), mapper.organization(o, received.get(o.id()), own));
		}
		return out;
	}

	private Map<String, ObjectNode> locationDocs(java.util.Collection<Location> places) {
		Map<String, JsonNode> received = records.find("location", places.stream().map(Location::id).toList());
		Map<String, ObjectNode> out = new HashMap<>();
		for (Location l : places) {
			out.put(l.id(), mapper.location(l, received.get(l.id())));
		}
		return out;
	}

	static List<String> locationIds(Listing l) {
		return l.locations().stream().map(ServiceAtLocation::locationId).toList();
	}

}
