package org.workforcepathways.matching.intake;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person says in the intake, the only thing matching reads. Demographics are not here on purpose: they live
 * in {@link Demographics}, apart, for the equity metrics only.
 *
 * @param interests answers to the interest items ({@link InterestItems}): item id to 0 (no), 1 (maybe) or 2 (yes)
 * @param credentials held: {@code drivers_license}, {@code forklift}, {@code osha10}, {@code welding_cert},
 *     {@code cdl}, {@code nims}, {@code cpt}
 * @param education none, hs_diploma, ged, some_college, associate, bachelor
 * @param experience trades worked in, as directory categories: welding, machining, assembly, warehouse, ...
 * @param when when training fits: day, evening, weekend
 * @param needsPay needs to earn while training
 * @param barriers childcare, transportation, housing, record, language, digital_access
 * @param languages spoken, two-letter codes
 * @param language the language answers are shown in: en or es
 */
public record Intake(@NotNull(message = "is required") Map<String, @Min(value = 0, message = "must be 0, 1 or 2") @Max(
		value = 2, message = "must be 0, 1 or 2") Integer> interests,
		@Size(max = 10, message = "must be at most 10") List<@Pattern(regexp = CREDENTIALS, message = "is not a known credential") String> credentials,
		@Pattern(regexp = "none|hs_diploma|ged|some_college|associate|bachelor",
				message = "must be none, hs_diploma, ged, some_college, associate or bachelor") @Nullable String education,
		@Size(max = 10, message = "must be at most 10") List<@Pattern(regexp = "[a-z -]{2,40}", message = "must be a trade such as welding") String> experience,
		@NotNull(message = "is required") @Valid Travel travel,
		@Size(max = 3, message = "must be at most 3") List<@Pattern(regexp = "day|evening|weekend",
				message = "must be day, evening or weekend") String> when,
		boolean needsPay,
		@Size(max = 6, message = "must be at most 6") List<@Pattern(regexp = BARRIERS, message = "is not a known barrier") String> barriers,
		@Size(max = 10, message = "must be at most 10") List<@Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String> languages,
		@Pattern(regexp = "en|es", message = "must be en or es") @Nullable String language) {

	static final String CREDENTIALS = "drivers_license|forklift|osha10|welding_cert|cdl|nims|cpt";

	static final String BARRIERS = "childcare|transportation|housing|record|language|digital_access";

	public Intake {
		interests = interests == null ? Map.of() : Map.copyOf(interests);
		credentials = credentials == null ? List.of() : List.copyOf(credentials);
		experience = experience == null ? List.of() : List.copyOf(experience);
		when = when == null ? List.of() : List.copyOf(when);
		barriers = barriers == null ? List.of() : List.copyOf(barriers);
		languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
		language = language == null ? "en" : language;
	}

	/**
	 * Where the person starts from and how far they can go.
	 *
	 * @param mode car, transit, walk or bike
	 */
	public record Travel(@NotNull(message = "is required") @Pattern(regexp = "\\d{5}", message = "must be a 5-digit ZIP") String zip,
			@Min(value = 1, message = "must be 1 to 50") @Max(value = 50, message = "must be 1 to 50") int radiusMiles,
			@Pattern(regexp = "car|transit|walk|bike", message = "must be car, transit, walk or bike") @Nullable String mode) {

		public Travel {
			radiusMiles = radiusMiles == 0 ? 10 : radiusMiles;
			mode = mode == null ? "transit" : mode;
		}

	}

	public boolean hasDiplomaOrEquivalent() {
		return education != null && !education.equals("none");
	}

	public boolean holds(String credential) {
		return credentials.contains(credential);
	}

}
