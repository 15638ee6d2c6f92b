package org.workforcepathways.directory.listing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A training program, support service, career event or job opening: an HSDS {@code service} with the locations it is
 * offered at, its phones and schedules, and the workforce extension apart from the HSDS fields.
 *
 * @param categories taxonomy term codes (see {@code taxonomy/terms.csv})
 * @param status HSDS: active, inactive, defunct or temporarily closed
 * @param eligibilityDescription HSDS free text; the structured form is in {@code workforce.eligibility}
 * @param locations where it is offered; empty for online-only listings
 * @param sample true for the clearly labelled demo data
 * @param updatedAt when its data last changed (read only)
 * @param version bumped by every change (read only)
 */
public record Listing(String id, ListingKind kind, String title, String organizationId, String description,
		List<String> categories, List<String> languages, @Nullable String url, @Nullable String email, String status,
		@Nullable String eligibilityDescription, List<ServiceAtLocation> locations, List<Phone> phones,
		List<Schedule> schedules, Workforce workforce, boolean sample, @Nullable Instant updatedAt,
		@Nullable Long version) {

	public Listing {
		categories = copy(categories);
		languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
		status = status == null ? "active" : status;
		locations = copy(locations);
		phones = copy(phones);
		schedules = copy(schedules);
		workforce = workforce == null ? Workforce.NONE : workforce;
	}

	static <T> List<T> copy(@Nullable List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

	public Listing withWorkforce(Workforce next) {
		return new Listing(id, kind, title, organizationId, description, categories, languages, url, email, status,
				eligibilityDescription, locations, phones, schedules, next, sample, updatedAt, version);
	}

	public Listing withStatus(String next) {
		return new Listing(id, kind, title, organizationId, description, categories, languages, url, email, next,
				eligibilityDescription, locations, phones, schedules, workforce, sample, updatedAt, version);
	}

	/** The same listing as stored data, without what the store adds (time, version, resolved locations). */
	Listing content() {
		return new Listing(id, kind, title, organizationId, description, categories, languages, url, email, status,
				eligibilityDescription, locations.stream().map(s -> s.withLocation(null)).toList(), phones, schedules,
				workforce, sample, null, null);
	}

}
