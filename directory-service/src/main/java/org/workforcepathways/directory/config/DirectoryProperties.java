package org.workforcepathways.directory.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * @param demoData a JSON file of sample listings loaded (upserted) at start, or none
 * @param demoOutcomes a CSV of sample program outcomes loaded at start for programs without figures, or none
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param index the search index: alias name and the version of its template
 */
@Validated
@ConfigurationProperties("directory")
public record DirectoryProperties(@Nullable Resource demoData, @Nullable Resource demoOutcomes, @DefaultValue("/directory-service") @NotBlank String source,
		@DefaultValue Index index, @DefaultValue Ranking ranking,
		@DefaultValue Verification verification, @DefaultValue Hsds hsds, @DefaultValue Survey survey) {

	/**
	 * The landscape survey of the region's organizations (seeds 003: survey 90%, hear back from 60%).
	 *
	 * @param validFor how long an invitation link works
	 */
	public record Survey(@DefaultValue("30d") java.time.Duration validFor,
			@DefaultValue("0.9") @jakarta.validation.constraints.DecimalMax("1") double surveyedTarget,
			@DefaultValue("0.6") @jakarta.validation.constraints.DecimalMax("1") double respondedTarget) {

	}

	/** @param maxUpload the largest HSDS upload accepted in one import */
	public record Hsds(@DefaultValue("512MB") org.springframework.util.unit.DataSize maxUpload) {

	}

	/** @param staleAfter a listing not confirmed or changed for this long is flagged for its provider */
	public record Verification(@DefaultValue("180d") java.time.Duration staleAfter) {

	}


	/**
	 * How relevance is blended with what else makes a listing a good answer (docs/ranking.md): the text score is
	 * multiplied by {@code 1 + freshness + open seats + nearness}, each term between 0 and its weight.
	 *
	 * @param freshnessWeight how much recently verified data counts
	 * @param freshnessScaleDays after this many days without an update a listing gets half the freshness
	 * @param openSeatsWeight how much having open seats counts
	 * @param nearnessWeight how much being near the point counts, when one was given
	 * @param nearnessScaleMiles at this distance a listing gets half the nearness
	 */
	public record Ranking(@DefaultValue("0.3") @jakarta.validation.constraints.PositiveOrZero double freshnessWeight,
			@DefaultValue("180") @Min(1) int freshnessScaleDays,
			@DefaultValue("0.2") @jakarta.validation.constraints.PositiveOrZero double openSeatsWeight,
			@DefaultValue("0.5") @jakarta.validation.constraints.PositiveOrZero double nearnessWeight,
			@DefaultValue("5") @jakarta.validation.constraints.Positive double nearnessScaleMiles) {

	}

	/**
	 * @param alias what searches read; it points at {@code <alias>-v<version>}
	 * @param version bumped when the mapping changes, so a new index is built beside the old one
	 * @param retryInterval how often listings saved while the search engine was unreachable are indexed again
	 * @param shards primary shards of a new index (a change takes effect at the next rebuild)
	 * @param replicas copies of each shard on other nodes; 0 for one node, 1 or more on a cluster (applied to the
	 *     live index at start)
	 */
	public record Index(@DefaultValue("listings") @NotBlank String alias, @DefaultValue("6") @Min(1) int version,
			@DefaultValue("5s") java.time.Duration retryInterval, @DefaultValue("1") @Min(1) int shards,
			@DefaultValue("0") @jakarta.validation.constraints.PositiveOrZero int replicas) {

		public String concreteName() {
			return alias + "-v" + version;
		}

	}

}
