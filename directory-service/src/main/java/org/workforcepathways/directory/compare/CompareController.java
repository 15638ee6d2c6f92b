package org.workforcepathways.directory.compare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;

import org.workforcepathways.directory.geo.ZipCentroids;
import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.ListingRepository;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.LocationRepository;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.OrganizationRepository;
import org.workforcepathways.directory.listing.ServiceAtLocation;
import org.workforcepathways.directory.outcome.ProgramOutcome;
import org.workforcepathways.directory.outcome.ProgramOutcomes;
import org.workforcepathways.platform.InvalidInputException;

/**
 * Two to four programs side by side, on what people choose by: cost, pay while learning, duration, schedule,
 * distance, supports, language, credential, outcomes, next start and open seats. The URL is the shareable link.
 */
@RestController
class CompareController {

	private final ListingRepository listings;

	private final LocationRepository locations;

	private final OrganizationRepository organizations;

	private final ProgramOutcomes outcomes;

	private final ZipCentroids zips;

	CompareController(ListingRepository listings, LocationRepository locations, OrganizationRepository organizations,
			ProgramOutcomes outcomes, ZipCentroids zips) {
		this.listings = listings;
		this.locations = locations;
		this.organizations = organizations;
		this.outcomes = outcomes;
		this.zips = zips;
	}

	/**
	 * One program in the comparison.
	 *
	 * @param distanceMiles to its nearest site from the ZIP given, when both are known
	 * @param outcomes absent when nobody reported any; {@code suppressed} when the cohort was under 10
	 */
	record Column(String id, String title, String organization, String kind, boolean free, BigDecimal cost,
			boolean paid, @Nullable Integer durationWeeks, List<String> schedule, @Nullable Double distanceMiles,
			List<String> supports, List<String> languages, @Nullable String credential, @Nullable LocalDate nextStart,
			@Nullable Integer seatsOpen, @Nullable Outcomes outcomes) {

	}

	record Outcomes(boolean suppressed, @Nullable BigDecimal completionRate, @Nullable BigDecimal employedQ2,
			@Nullable BigDecimal employedQ4, @Nullable BigDecimal medianEarnings, @Nullable BigDecimal credentialRate,
			@Nullable Integer cohortSize, LocalDate periodStart, LocalDate periodEnd, String source,
			@Nullable String sourceUrl) {

		static Outcomes of(ProgramOutcome o) {
			boolean shown = o.shown();
			return new Outcomes(!shown, shown ? o.completionRate() : null, shown ? o.employedQ2() : null,
					shown ? o.employedQ4() : null, shown ? o.medianEarnings() : null, shown ? o.credentialRate() : null,
					shown ? o.cohortSize() : null, o.periodStart(), o.periodEnd(), o.source(), o.sourceUrl());
		}

	}

	@GetMapping("/api/directory/compare")
	@Operation(summary = "Compare 2-4 programs side by side (anyone); ids comma-separated, zip for distances")
	List<Column> compare(@RequestParam("ids") List<@Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}",
			message = "must be listing ids") String> ids,
			@RequestParam(name = "zip", required = false) @Pattern(regexp = "\\d{5}", message = "must be a 5-digit ZIP") @Nullable String zip) {
		List<String> wanted = ids.stream().distinct().toList();
		if (wanted.size() < 2 || wanted.size() > 4) {
			throw new InvalidInputException("ids", "must name 2 to 4 different programs");
		}
		Map<String, Listing> found = listings.findAllById(wanted).stream()
			.collect(Collectors.toMap(Listing::id, Function.identity()));
		List<String> missing = wanted.stream().filter(id -> !found.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException("ids", "names listings that are not in the directory: " + String.join(", ", missing));
		}
		Optional<ZipCentroids.Point> from = zip == null ? Optional.empty() : zips.find(zip);
		if (zip != null && from.isEmpty()) {
			throw new InvalidInputException("zip", "is not a ZIP we know");
		}
		Map<String, ProgramOutcome> reported = outcomes.find(wanted);
		Map<String, Organization> orgs = organizations.findAllById(found.values().stream().map(Listing::organizationId).toList());
		Map<String, Location> places = locations.findAllById(found.values().stream()
			.flatMap(l -> l.locations().stream().map(ServiceAtLocation::locationId))
			.toList());
		List<Column> out = new ArrayList<>();
		for (String id : wanted) {
			Listing l = found.get(id);
			var w = l.workforce();
			Double miles = from.flatMap(p -> l.locations().stream()
				.map(s -> places.get(s.locationId()))
				.filter(loc -> loc != null && loc.latitude() != null)
				.map(loc -> p.milesTo(loc.latitude(), loc.longitude()))
				.min(Double::compare)).map(m -> Math.round(m * 10) / 10.0).orElse(null);
			ProgramOutcome o = reported.get(id);
			out.add(new Column(id, l.title(), orgs.get(l.organizationId()).name(), l.kind().code(), w.free(), w.cost(),
					w.paid(), w.durationWeeks(), w.schedule(), miles, w.supports(), l.languages(), w.credential(),
					w.nextStart(), w.seatsOpen(), o == null ? null : Outcomes.of(o)));
		}
		return out;
	}

}
