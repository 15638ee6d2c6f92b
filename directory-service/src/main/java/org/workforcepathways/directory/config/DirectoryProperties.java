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
 * @param source the CloudEvents {@code source} of the events this service publishes
 * @param index the search index: alias name and the version of its template
 */
@Validated
@ConfigurationProperties("directory")
public record DirectoryProperties(@Nullable Resource demoData, @DefaultValue("/directory-service") @NotBlank String source,
		@DefaultValue Index index) {

	/**
	 * @param alias what searches read; it points at {@code <alias>-v<version>}
	 * @param version bumped when the mapping changes, so a new index is built beside the old one
	 */
	public record Index(@DefaultValue("listings") @NotBlank String alias, @DefaultValue("3") @Min(1) int version) {

		public String concreteName() {
			return alias + "-v" + version;
		}

	}

}
