package org.workforcepathways.matching.pathway;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A career pathway as data (in the spirit of CTDL's {@code ceterms:Pathway}): ordered steps from where a person
 * starts to a job, each step fulfilled by the directory's programs in its categories.
 *
 * @param category the directory category of the pathway's trade, e.g. {@code welding}
 * @param occupations O*NET-SOC codes the pathway leads to
 */
public record Pathway(String id, Map<String, String> name, Map<String, String> description, String category,
		List<String> occupations, List<Step> steps) {

	/**
	 * One step ({@code ceterms:PathwayComponent}).
	 *
	 * @param kind bridge, certificate, pre_apprenticeship, apprenticeship, career_exposure or job
	 * @param ctdlType the CTDL component type, e.g. {@code ceterms:CredentialComponent}
	 * @param categories a directory listing in any of these (and in the pathway's trade, unless the step is a bridge
	 *     or career exposure) fulfils the step
	 * @param requires what a person needs before this step: {@code hs_diploma_or_ged}, {@code drivers_license}
	 */
	public record Step(String id, String kind, String ctdlType, Map<String, String> name, List<String> categories,
			@Nullable List<String> requires) {

		public Step {
			requires = requires == null ? List.of() : List.copyOf(requires);
		}

		public String name(String language) {
			return name.getOrDefault(language, name.get("en"));
		}

		/** Steps that any trade shares: a bridge program or a plant tour serves every pathway. */
		public boolean anyTrade() {
			return kind.equals("bridge") || kind.equals("career_exposure");
		}

	}

	public String name(String language) {
		return name.getOrDefault(language, name.get("en"));
	}

}
