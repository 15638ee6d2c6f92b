package org.workforcepathways.matching.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an intake: pathways best first, each with its steps and the programs near the person that fulfil
 * them, support services for each barrier, and why, in plain words.
 *
 * @param notices what the person should know about the answer itself (e.g. the directory could not be reached)
 * @param intakeId when the intake was saved (a signed-in jobseeker, or a case manager's client)
 */
public record MatchResult(List<PathwayMatch> pathways, List<SupportMatch> supports, List<String> notices,
		@Nullable UUID intakeId) {

	public MatchResult withIntakeId(UUID id) {
		return new MatchResult(pathways, supports, notices, id);
	}

	/** A pathway and why it fits; {@code obstacles} are what stands in the way. */
	public record PathwayMatch(String id, String name, String description, double score, List<String> reasons,
			List<String> obstacles, List<OccupationRef> occupations, List<StepMatch> steps) {

	}

	public record OccupationRef(String code, String title, int jobZone) {

	}

	/** A step of the pathway ({@code ceterms:PathwayComponent}) with the programs that fulfil it, best first. */
	public record StepMatch(String id, String kind, String ctdlType, String name, List<String> obstacles,
			List<ProgramMatch> programs) {

	}

	/** A listing matched to a person, with its reasons and what stands in the way. */
	public record ProgramMatch(String id, String listingId, String kind, String title, String organization,
			@Nullable String city, @Nullable Double distanceMiles, boolean free, @Nullable BigDecimal cost,
			@Nullable LocalDate nextStart, double score, List<String> reasons, List<String> obstacles) {

	}

	/** Services near the person for one barrier they named. */
	public record SupportMatch(String barrier, String label, List<ProgramMatch> services) {

	}

}
