package org.workforcepathways.matching;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param personRefKey the secret that turns a person's id into the pseudonymous reference events carry; without it
 *     the reference cannot be traced back. Set it per deployment and keep it: changing it splits every person in two
 *     in the metrics.
 * @param timeZone the region's time zone, for "today" in start dates and check-ins
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param responseDeadlineBusinessDays how long a provider has to answer a referral, unless it has its own setting
 */
@Validated
@ConfigurationProperties("matching")
public record MatchingProperties(@DefaultValue("dev-only-person-ref-key-change-me") @NotBlank @Size(min = 16) String personRefKey,
		@DefaultValue("America/Chicago") ZoneId timeZone, @DefaultValue("/matching-service") String source,
		@DefaultValue("2") @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(30) int responseDeadlineBusinessDays) {

}
