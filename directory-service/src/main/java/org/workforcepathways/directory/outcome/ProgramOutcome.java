package org.workforcepathways.directory.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a program's past cohort achieved, and where the figures come from. Rates are percent of the cohort.
 *
 * @param employedQ2 employed in the second quarter after exit
 * @param employedQ4 employed in the fourth quarter after exit
 * @param medianEarnings median quarterly earnings in the second quarter after exit, US dollars
 * @param source who reports it, e.g. "Illinois ETPL" or the provider
 */
public record ProgramOutcome(String serviceId,
		@Nullable BigDecimal completionRate,
		@Nullable BigDecimal employedQ2,
		@Nullable BigDecimal employedQ4,
		@Nullable BigDecimal medianEarnings,
		@Nullable BigDecimal credentialRate,
		@Nullable Integer cohortSize,
		@Nullable LocalDate periodStart,
		@Nullable LocalDate periodEnd, @Nullable String source,
		@Nullable String sourceUrl) {

	/** Figures from fewer people than this are not shown: too few to mean much, and too close to individuals. */
	public static final int SMALLEST_COHORT_SHOWN = 10;

	public boolean shown() {
		return cohortSize != null && cohortSize >= SMALLEST_COHORT_SHOWN;
	}

}
