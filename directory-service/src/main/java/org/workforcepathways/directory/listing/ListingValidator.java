package org.workforcepathways.directory.listing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import org.workforcepathways.directory.occupation.Occupations;
import org.workforcepathways.directory.taxonomy.Taxonomy;
import org.workforcepathways.platform.Problems.FieldProblem;

/**
 * Checks a listing before it is written, every field, and names each one that is wrong (JSON paths such as
 * {@code workforce.seatsOpen} or {@code phones[0].number}). The database has constraints too; these say why.
 */
@Component
class ListingValidator {

	static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private static final Pattern PHONE = Pattern
		.compile("\\+?[0-9(][0-9 ().-]{6,24}( ?(x|ext\\.?) ?[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,}");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	private static final Pattern BYDAY = Pattern.compile("(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*");

	private static final Pattern RESIDENCY = Pattern.compile("[a-z][a-z0-9_]{1,40}");

	private static final Set<String> STATUS = Set.of("active", "inactive", "defunct", "temporarily closed");

	private static final Set<String> PHONE_TYPES = Set.of("voice", "text", "fax", "cell", "video", "pager", "textphone");

	private static final Set<String> SCHEDULE = Set.of("day", "evening", "weekend", "online", "in_person", "hybrid");

	private final Taxonomy taxonomy;

	private final Occupations occupations;

	ListingValidator(Taxonomy taxonomy, Occupations occupations) {
		this.taxonomy = taxonomy;
		this.occupations = occupations;
	}

	/**
	 * @param places the locations the listing names, as stored (absent ones are an error)
	 * @param organizationKnown whether its organization exists
	 */
	List<FieldProblem> problems(Listing l, Map<String, Location> places, boolean organizationKnown) {
		List<FieldProblem> p = new ArrayList<>();
		if (l.id() == null || !ID.matcher(l.id()).matches()) {
			p.add(new FieldProblem("id", "must be 1-64 letters, digits or ._:-"));
		}
		if (l.kind() == null) {
			p.add(new FieldProblem("kind", "is required: training_program, support_service, career_event or job_opening"));
		}
		text(p, "title", l.title(), 1, 300);
		text(p, "description", l.description(), 0, 10_000);
		if (l.organizationId() == null || !organizationKnown) {
			p.add(new FieldProblem("organizationId", "must be an organization in the directory"));
		}
		for (int i = 0; i < l.categories().size(); i++) {
			if (!taxonomy.exists(l.categories().get(i))) {
				p.add(new FieldProblem("categories[" + i + "]", "is not a taxonomy term (GET /api/directory/taxonomy)"));
			}
		}
		for (int i = 0; i < l.languages().size(); i++) {
			if (!LANGUAGE.matcher(String.valueOf(l.languages().get(i))).matches()) {
				p.add(new FieldProblem("languages[" + i + "]", "must be a two-letter language code"));
			}
		}
		url(p, "url", l.url());
		if (l.email() != null && (l.email().length() > 200 || !EMAIL.matcher(l.email()).matches())) {
			p.add(new FieldProblem("email", "must be an email address"));
		}
		if (!STATUS.contains(l.status())) {
			p.add(new FieldProblem("status", "must be active, inactive, defunct or temporarily closed"));
		}
		text(p, "eligibilityDescription", l.eligibilityDescription(), 0, 2_000);
		locations(p, l, places);
		phones(p, l.phones());
		schedules(p, l.schedules());
		workforce(p, l.workforce());
		return p;
	}

	/** An organization's fields, named under {@code prefix} (e.g. {@code organization.}). */
	List<FieldProblem> problems(Organization o, String prefix) {
		List<FieldProblem> p = new ArrayList<>();
		if (o.id() == null || !ID.matcher(o.id()).matches()) {
			p.add(new FieldProblem(prefix + "id", "must be 1-64 letters, digits or ._:-"));
		}
		text(p, prefix + "name", o.name(), 1, 300);
		text(p, prefix + "description", o.description(), 0, 10_000);
		url(p, prefix + "website", o.website());
		if (o.email() != null && (o.email().length() > 200 || !EMAIL.matcher(o.email()).matches())) {
			p.add(new FieldProblem(prefix + "email", "must be an email address"));
		}
		return p;
	}

	/** A location's fields, named under {@code prefix} (e.g. {@code locations[0].}). */
	List<FieldProblem> problems(Location l, String prefix) {
		List<FieldProblem> p = new ArrayList<>();
		if (l.id() == null || !ID.matcher(l.id()).matches()) {
			p.add(new FieldProblem(prefix + "id", "must be 1-64 letters, digits or ._:-"));
		}
		if (!Set.of("physical", "postal", "virtual").contains(l.locationType())) {
			p.add(new FieldProblem(prefix + "locationType", "must be physical, postal or virtual"));
		}
		text(p, prefix + "name", l.name(), 0, 300);
		text(p, prefix + "transportation", l.transportation(), 0, 2_000);
		if (l.latitude() != null && (l.latitude() < -90 || l.latitude() > 90 || l.longitude() == null
				|| l.longitude() < -180 || l.longitude() > 180)) {
			p.add(new FieldProblem(prefix + "latitude", "must be a point on Earth, with longitude"));
		}
		Location.Address a = l.address();
		if (a != null) {
			text(p, prefix + "address.address1", a.address1(), 0, 300);
			text(p, prefix + "address.city", a.city(), 0, 100);
			text(p, prefix + "address.stateProvince", a.stateProvince(), 0, 100);
			text(p, prefix + "address.postalCode", a.postalCode(), 0, 20);
			if (a.postalCode() != null && a.postalCode().isBlank()) {
				p.add(new FieldProblem(prefix + "address.postalCode", "must not be blank"));
			}
			if (a.country() == null || !a.country().matches("[A-Z]{2}")) {
				p.add(new FieldProblem(prefix + "address.country", "must be a two-letter country code"));
			}
		}
		return p;
	}

	private void locations(List<FieldProblem> p, Listing l, Map<String, Location> places) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < l.locations().size(); i++) {
			ServiceAtLocation s = l.locations().get(i);
			String at = "locations[" + i + "]";
			if (s.id() == null || !ID.matcher(s.id()).matches()) {
				p.add(new FieldProblem(at + ".id", "must be 1-64 letters, digits or ._:-"));
			}
			Location place = s.locationId() == null ? null : places.get(s.locationId());
			if (place == null) {
				p.add(new FieldProblem(at + ".locationId", "must be a location in the directory"));
			}
			else if (place.organizationId() != null && !place.organizationId().equals(l.organizationId())) {
				p.add(new FieldProblem(at + ".locationId", "must be a location of the listing's organization"));
			}
			if (s.locationId() != null && !seen.add(s.locationId())) {
				p.add(new FieldProblem(at + ".locationId", "names a location twice"));
			}
		}
	}

	private static void phones(List<FieldProblem> p, List<Phone> phones) {
		if (phones.size() > 20) {
			p.add(new FieldProblem("phones", "must be at most 20"));
		}
		for (int i = 0; i < phones.size(); i++) {
			Phone phone = phones.get(i);
			if (phone.number() == null || !PHONE.matcher(phone.number()).matches()) {
				p.add(new FieldProblem("phones[" + i + "].number", "must be a phone number like (773) 555-0100"));
			}
			if (!PHONE_TYPES.contains(phone.type())) {
				p.add(new FieldProblem("phones[" + i + "].type", "must be one of " + String.join(", ", PHONE_TYPES)));
			}
			text(p, "phones[" + i + "].description", phone.description(), 0, 300);
		}
	}

	private static void schedules(List<FieldProblem> p, List<Schedule> schedules) {
		if (schedules.size() > 50) {
			p.add(new FieldProblem("schedules", "must be at most 50"));
		}
		for (int i = 0; i < schedules.size(); i++) {
			Schedule s = schedules.get(i);
			String at = "schedules[" + i + "]";
			if (s.freq() != null && !Set.of("WEEKLY", "MONTHLY").contains(s.freq())) {
				p.add(new FieldProblem(at + ".freq", "must be WEEKLY or MONTHLY, or absent for one date"));
			}
			if (s.byday() != null && !BYDAY.matcher(s.byday()).matches()) {
				p.add(new FieldProblem(at + ".byday", "must be days like MO,TU,WE"));
			}
			if (s.opensAt() != null && s.closesAt() != null && !s.closesAt().isAfter(s.opensAt())) {
				p.add(new FieldProblem(at + ".closesAt", "must be after opensAt"));
			}
			if (s.dtstart() != null && s.until() != null && s.until().isBefore(s.dtstart())) {
				p.add(new FieldProblem(at + ".until", "must not be before dtstart"));
			}
			text(p, at + ".description", s.description(), 0, 500);
		}
	}

	private void workforce(List<FieldProblem> p, Workforce w) {
		if (w.cost().compareTo(BigDecimal.ZERO) < 0 || w.cost().compareTo(BigDecimal.valueOf(100_000)) > 0) {
			p.add(new FieldProblem("workforce.cost", "must be between 0 and 100000"));
		}
		if (w.free() && w.cost().signum() != 0) {
			p.add(new FieldProblem("workforce.cost", "must be 0 when free is true"));
		}
		for (int i = 0; i < w.schedule().size(); i++) {
			if (!SCHEDULE.contains(w.schedule().get(i))) {
				p.add(new FieldProblem("workforce.schedule[" + i + "]", "must be one of " + String.join(", ", SCHEDULE)));
			}
		}
		text(p, "workforce.credential", w.credential(), 0, 200);
		for (int i = 0; i < w.occupations().size(); i++) {
			if (!occupations.isKnown(w.occupations().get(i))) {
				p.add(new FieldProblem("workforce.occupations[" + i + "]", "must be an O*NET-SOC code like 51-4121.00"));
			}
		}
		range(p, "workforce.durationWeeks", w.durationWeeks(), 0, 520);
		range(p, "workforce.seatsTotal", w.seatsTotal(), 0, 100_000);
		range(p, "workforce.seatsOpen", w.seatsOpen(), 0, 100_000);
		if (w.seatsOpen() != null && w.seatsTotal() != null && w.seatsOpen() > w.seatsTotal()) {
			p.add(new FieldProblem("workforce.seatsOpen", "must not be more than seatsTotal"));
		}
		if (w.nextStart() != null && (w.nextStart().isBefore(LocalDate.of(2000, 1, 1))
				|| w.nextStart().isAfter(LocalDate.now().plusYears(5)))) {
			p.add(new FieldProblem("workforce.nextStart", "must be a date between 2000 and five years from now"));
		}
		Workforce.Eligibility e = w.eligibility();
		range(p, "workforce.eligibility.minAge", e.minAge(), 0, 120);
		range(p, "workforce.eligibility.maxAge", e.maxAge(), 0, 120);
		if (e.minAge() != null && e.maxAge() != null && e.minAge() > e.maxAge()) {
			p.add(new FieldProblem("workforce.eligibility.maxAge", "must not be less than minAge"));
		}
		for (int i = 0; i < e.residency().size(); i++) {
			if (!RESIDENCY.matcher(String.valueOf(e.residency().get(i))).matches()) {
				p.add(new FieldProblem("workforce.eligibility.residency[" + i + "]",
						"must be an area code like cook_county_il"));
			}
		}
		range(p, "workforce.eligibility.incomeMaxPercent", e.incomeMaxPercent(), 1, 1000);
		if ((e.incomeMaxPercent() == null) != (e.incomeMeasure() == null)
				|| e.incomeMeasure() != null && !Set.of("poverty_line", "area_median").contains(e.incomeMeasure())) {
			p.add(new FieldProblem("workforce.eligibility.incomeMeasure",
					"must be poverty_line or area_median, given together with incomeMaxPercent"));
		}
	}

	private static void text(List<FieldProblem> p, String field, @Nullable String value, int min, int max) {
		if (min > 0 && (value == null || value.isBlank())) {
			p.add(new FieldProblem(field, "is required"));
		}
		else if (value != null && value.length() > max) {
			p.add(new FieldProblem(field, "must be at most " + max + " characters"));
		}
	}

	private static void range(List<FieldProblem> p, String field, @Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			p.add(new FieldProblem(field, "must be between " + min + " and " + max));
		}
	}

	private static void url(List<FieldProblem> p, String field, @Nullable String value) {
		if (value == null) {
			return;
		}
		try {
			URI uri = URI.create(value);
			if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null
					|| value.length() > 500) {
				p.add(new FieldProblem(field, "must be an http or https address"));
			}
		}
		catch (IllegalArgumentException ex) {
			p.add(new FieldProblem(field, "must be an http or https address"));
		}
	}

}
