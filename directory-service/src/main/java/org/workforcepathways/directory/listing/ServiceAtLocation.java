package org.workforcepathways.directory.listing;

import org.jspecify.annotations.Nullable;

/**
 * A listing offered at one location (HSDS {@code service_at_location}): the unit a search result points at.
 *
 * @param location filled in when a listing is read in full; ignored on input
 */
public record ServiceAtLocation(String id, String locationId, @Nullable Location location) {

	ServiceAtLocation withLocation(@Nullable Location l) {
		return new ServiceAtLocation(id, locationId, l);
	}

}
