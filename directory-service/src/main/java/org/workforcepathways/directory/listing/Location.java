package org.workforcepathways.directory.listing;

import org.jspecify.annotations.Nullable;

/**
 * A place where services are delivered (HSDS {@code location}, with its physical {@code address} folded in).
 *
 * @param locationType HSDS: physical, postal or virtual
 */
public record Location(String id, @Nullable String organizationId, String locationType, @Nullable String name,
		@Nullable Double latitude, @Nullable Double longitude, @Nullable String transportation,
		@Nullable Address address) {

	public Location {
		locationType = locationType == null ? "physical" : locationType;
	}

	/** HSDS {@code address}; a location here has at most one physical address. */
	public record Address(@Nullable String address1, @Nullable String city, @Nullable String stateProvince,
			@Nullable String postalCode, String country) {

		public Address {
			country = country == null ? "US" : country;
		}

	}

}
