package org.workforcepathways.directory.listing;

import java.util.List;

/** A batch of directory data as one JSON document: organizations, their locations, and the listings offered there. */
public record DirectoryData(List<Organization> organizations, List<Location> locations, List<Listing> listings) {

	public DirectoryData {
		organizations = Listing.copy(organizations);
		locations = Listing.copy(locations);
		listings = Listing.copy(listings);
	}

}
