package org.workforcepathways.metrics.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.workforcepathways.contracts.referral.ReferralChanged.Demographics;

/**
 * The groups a person counts in for the equity figures, from the coarse categories they chose to give. Every
 * dimension but race has exactly one value per person ({@code not_given} when absent), so its groups add up to the
 * total; race is multi-valued (a person may give several).
 */
public final class Groups {

	public static final String NOT_GIVEN = "not_given";

	/** Dimensions whose groups add up to the total. */
	public static final List<String> ADDITIVE = List.of("sex", "poc", "age", "returning");

	public static final List<String> ALL = List.of("sex", "poc", "age", "returning", "race");

	/** Opportunity youth (16–24) are their own age group, so the youth figure is one row of the age table. */
	public static final String YOUTH = "16_24";

	private static final Set<String> YOUTH_BANDS = Set.of("under_18", "18_24");

	private Groups() {
	}

	public record Group(String dimension, String value) {

	}

	public static List<Group> of(Demographics d) {
		List<Group> groups = new ArrayList<>();
		groups.add(new Group("sex", d == null || d.sex() == null ? NOT_GIVEN : d.sex()));
		List<String> race = d == null || d.raceEthnicity() == null ? List.of() : d.raceEthnicity();
		groups.add(new Group("poc", race.isEmpty() ? NOT_GIVEN : race.stream().anyMatch(r -> !r.equals("white")) ? "yes" : "no"));
		String band = d == null ? null : d.ageBand();
		groups.add(new Group("age", band == null ? NOT_GIVEN : YOUTH_BANDS.contains(band) ? YOUTH : band));
		groups.add(new Group("returning", d == null || d.justiceInvolved() == null ? NOT_GIVEN : d.justiceInvolved() ? "yes" : "no"));
		if (race.isEmpty()) {
			groups.add(new Group("race", NOT_GIVEN));
		}
		race.stream().distinct().forEach(r -> groups.add(new Group("race", r)));
		return groups;
	}

}
