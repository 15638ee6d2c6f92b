package org.workforcepathways.matching.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Optional demographics, asked only with consent, for the campaign's equity metrics. Kept apart from the intake and
 * never passed to matching (a property test checks that changing them never changes a result); they leave the service
 * only as coarse categories on referral events.
 *
 * @param consent the person agreed to give them for counting; without it nothing here is kept
 * @param justiceInvolved a returning citizen (has a conviction record), as the person chose to say
 */
public record Demographics(boolean consent,
		@Pattern(regexp = "female|male|nonbinary|another", message = "must be female, male, nonbinary or another") @Nullable String sex,
		@Size(max = 8, message = "must be at most 8") List<@Pattern(
				regexp = "black|hispanic_latino|white|asian|native_american|pacific_islander|middle_eastern_north_african|multiracial|another",
				message = "is not a known category") String> raceEthnicity,
		@Pattern(regexp = "under_18|18_24|25_34|35_44|45_54|55_64|65_plus", message = "is not a known age band") @Nullable String ageBand,
		@Nullable Boolean veteran, @Nullable Boolean disability, @Nullable Boolean justiceInvolved) {

	public static final Demographics NONE = new Demographics(false, null, null, null, null, null, null);

	public Demographics {
		raceEthnicity = raceEthnicity == null ? List.of() : List.copyOf(raceEthnicity);
	}

	/** Answers without consent are not accepted, so they cannot be stored by mistake. */
	@AssertTrue(message = "demographics need consent: true")
	boolean isGivenWithConsent() {
		return consent || sex == null && raceEthnicity.isEmpty() && ageBand == null && veteran == null && disability == null
				&& justiceInvolved == null;
	}

}
