package org.workforcepathways.directory.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.directory.engagement.SessionId;
import org.workforcepathways.directory.geo.ZipCentroids;
import org.workforcepathways.directory.geo.ZipCentroids.Point;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems.FieldProblem;

/** Public directory search: anyone may search, signed in or not. */
@RestController
@RequestMapping("/api/directory")
class SearchController {

	static final Set<String> KINDS = Set.of("training_program", "support_service", "career_event", "job_opening");

	static final Set<String> SCHEDULES = Set.of("day", "evening", "weekend", "online", "in_person", "hybrid");

	/** What "near 60617" means when no radius is given; a relaxed answer drops it when nothing is that near. */
	private static final double NEAR_MILES = 10;

	private final SearchService search;

	private final ZipCentroids zips;

	SearchController(SearchService search, ZipCentroids zips) {
		this.search = search;
		this.zips = zips;
	}

	@GetMapping("/search")
	@Operation(summary = "Search training programs, support services, events and openings")
	SearchResults search(
			@Parameter(description = "What to look for, as typed; query syntax is treated as plain text") @RequestParam(
					name = "q", required = false) @Size(max = 500, message = "must be at most 500 characters") @Nullable String q,
			@Parameter(description = "training_program, support_service, career_event or job_opening") @RequestParam(
					name = "kind", required = false) @Nullable String kind,
			@Parameter(description = "A category, e.g. welding, childcare") @RequestParam(name = "category",
					required = false) @Size(max = 100, message = "must be at most 100 characters") @Nullable String category,
			@Parameter(description = "'free' for free listings only") @RequestParam(name = "cost",
					required = false) @Pattern(regexp = "free", message = "must be 'free'") @Nullable String cost,
			@Parameter(description = "day, evening, weekend, online, in_person, hybrid; repeat or comma-separate") @RequestParam(
					name = "schedule", required = false) @Nullable List<String> schedule,
			@Parameter(description = "Language of the listing, e.g. es") @RequestParam(name = "language",
					required = false) @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") @Nullable String language,
			@Parameter(description = "Credential earned, e.g. AWS D1.1") @RequestParam(name = "credential",
					required = false) @Size(max = 100, message = "must be at most 100 characters") @Nullable String credential,
			@Parameter(description = "O*NET-SOC code, e.g. 51-4121.00") @RequestParam(name = "occupation",
					required = false) @Pattern(regexp = "\\d{2}-\\d{4}\\.\\d{2}",
							message = "must be an O*NET-SOC code like 51-4121.00") @Nullable String occupation,
			@Parameter(description = "true: only listings with open seats") @RequestParam(name = "openSeats",
					defaultValue = "false") boolean openSeats,
			@Parameter(description = "Next start on or before this date (YYYY-MM-DD)") @RequestParam(name = "startsBefore",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsBefore,
			@Parameter(description = "A 5-digit US ZIP to measure distance from") @RequestParam(name = "zip",
					required = false) @Pattern(regexp = "\\d{5}", message = "must be a 5-digit ZIP code") @Nullable String zip,
			@RequestParam(name = "lat", required = false) @DecimalMin(value = "-90", message = "must be between -90 and 90")
			@DecimalMax(value = "90", message = "must be between -90 and 90") @Nullable Double lat,
			@RequestParam(name = "lon", required = false) @DecimalMin(value = "-180",
					message = "must be between -180 and 180") @DecimalMax(value = "180",
							message = "must be between -180 and 180") @Nullable Double lon,
			@Parameter(description = "Only within this many miles of zip or lat/lon (0.1-200)") @RequestParam(
					name = "radiusMiles", required = false) @DecimalMin(value = "0.1",
							message = "must be between 0.1 and 200") @DecimalMax(value = "200",
									message = "must be between 0.1 and 200") @Nullable Double radiusMiles,
			@Parameter(description = "relevance (default), distance or start") @RequestParam(name = "sort",
					defaultValue = "relevance") @Pattern(regexp = "relevance|distance|start",
							message = "must be relevance, distance or start") String sort,
			@Parameter(description = "How many results (1-50)") @RequestParam(name = "size", defaultValue = "10") @Min(
					value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most 50") int size,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(name = "cursor",
					required = false) @Size(max = 1000, message = "is not a cursor this search gave out") @Nullable String cursor,
			@Parameter(description = "Campaign code the visitor arrived with") @RequestParam(name = "campaign",
					required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}",
							message = "must be 1-40 letters, digits, '-' or '_'") @Nullable String campaign,
			@Parameter(description = "Pseudonymous session id the web app keeps per tab; only its hash is recorded") @RequestHeader(
					name = SessionId.HEADER, required = false) @Nullable String session)
			throws IOException {
		String sessionId = SessionId.of(session);
		List<FieldProblem> problems = new ArrayList<>();
		if (kind != null && !KINDS.contains(kind)) {
			problems.add(new FieldProblem("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList())));
		}
		List<String> slots = new ArrayList<>();
		for (String s : schedule == null ? List.<String>of() : schedule) {
			for (String slot : s.split(",")) {
				String v = slot.strip().toLowerCase(Locale.ROOT);
				if (!SCHEDULES.contains(v)) {
					problems.add(new FieldProblem("schedule", "must be day, evening, weekend, online, in_person or hybrid"));
					break;
				}
				slots.add(v);
			}
		}
		String text = QueryText.normalize(q);
		if (zip == null && lat == null && lon == null) {
			// a ZIP typed with the words is where to look from, when it is one we know
			var mention = QueryText.zipIn(text).filter(m -> zips.find(m.zip()).isPresent());
			if (mention.isPresent()) {
				zip = mention.get().zip();
				text = mention.get().rest();
				radiusMiles = radiusMiles == null ? NEAR_MILES : radiusMiles;
			}
		}
		Point point = point(zip, lat, lon, problems);
		if (radiusMiles != null && point == null) {
			problems.add(new FieldProblem("radiusMiles", "needs a zip or lat and lon"));
		}
		if ("distance".equals(sort) && point == null) {
			problems.add(new FieldProblem("sort", "distance needs a zip or lat and lon"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return search.search(new SearchQuery(text, kind,
				category == null ? null : category.strip().toLowerCase(Locale.ROOT), cost != null,
				slots.stream().distinct().toList(), language, credential, occupation, openSeats, startsBefore, point,
				radiusMiles, SearchQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT)), size, cursor, campaign), sessionId);
	}

	private @Nullable Point point(@Nullable String zip, @Nullable Double lat, @Nullable Double lon,
			List<FieldProblem> problems) {
		if (zip != null && (lat != null || lon != null)) {
			problems.add(new FieldProblem("zip", "give a zip or lat and lon, not both"));
			return null;
		}
		if (zip != null) {
			var found = zips.find(zip);
			if (found.isEmpty()) {
				problems.add(new FieldProblem("zip", "is not a ZIP code we know"));
				return null;
			}
			return found.get();
		}
		if ((lat == null) != (lon == null)) {
			problems.add(new FieldProblem(lat == null ? "lat" : "lon", "is needed with " + (lat == null ? "lon" : "lat")));
			return null;
		}
		return lat == null ? null : new Point(lat, lon);
	}

}
