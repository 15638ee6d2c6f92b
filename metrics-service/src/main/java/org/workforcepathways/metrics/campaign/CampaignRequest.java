package org.workforcepathways.metrics.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A campaign as an admin sends it, checked field by field. */
public record CampaignRequest(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
		@NotNull(message = "is required") LocalDate startsOn, @NotNull(message = "is required") LocalDate endsOn,
		@Size(max = 50, message = "must be at most 50") List<@NotNull(message = "must not be null") @Pattern(regexp = "\\d{2}-\\d{4}\\.\\d{2}",
				message = "must be an O*NET-SOC code such as 51-4121.06") String> occupations,
		@Size(max = 200, message = "must be at most 200") List<@NotBlank @Size(max = 100, message = "must be at most 100 characters") String> programs,
		@Valid @Nullable TargetsRequest targets,
		@Size(max = 100, message = "must be at most 100") List<@Valid @NotNull ComponentRequest> components) {

	public CampaignRequest {
		occupations = occupations == null ? List.of() : occupations;
		programs = programs == null ? List.of() : programs;
		components = components == null ? List.of() : components;
	}

	@AssertTrue(message = "must be on or after startsOn, and at most five years after it")
	boolean isEndsOn() {
		return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn) && !endsOn.isAfter(startsOn.plusYears(5));
	}

	@AssertTrue(message = "must not repeat a code (codes are the same whatever their case)")
	boolean isComponents() {
		return components.stream().filter(c -> c != null && c.code() != null).map(c -> c.code().toLowerCase()).distinct()
			.count() == components.stream().filter(c -> c != null && c.code() != null).count();
	}

	public record TargetsRequest(@Nullable @Min(value = 0, message = "must be 0 or more") @Max(value = 1_000_000, message = "must be at most 1000000") Integer baselineEnrollment,
			@Nullable LocalDate baselineFrom, @Nullable LocalDate baselineTo,
			@Nullable @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "500", message = "must be at most 500") BigDecimal enrollmentIncreasePercent,
			@Nullable @DecimalMin(value = "0", message = "must be a share from 0 to 1") @DecimalMax(value = "1", message = "must be a share from 0 to 1") BigDecimal womenShare,
			@Nullable @DecimalMin(value = "0", message = "must be a share from 0 to 1") @DecimalMax(value = "1", message = "must be a share from 0 to 1") BigDecimal peopleOfColorShare,
			@Nullable @DecimalMin(value = "0", message = "must be a share from 0 to 1") @DecimalMax(value = "1", message = "must be a share from 0 to 1") BigDecimal retention90,
			@Nullable @DecimalMin(value = "0", message = "must be a share from 0 to 1") @DecimalMax(value = "1", message = "must be a share from 0 to 1") BigDecimal retention365,
			@Nullable @DecimalMin(value = "0", message = "must be a share from 0 to 1") @DecimalMax(value = "1", message = "must be a share from 0 to 1") BigDecimal surveyedShare,
			@Nullable @DecimalMin(value = "0", message = "must be a share from 0 to 1") @DecimalMax(value = "1", message = "must be a share from 0 to 1") BigDecimal respondedShare) {

		@AssertTrue(message = "needs baselineFrom and baselineTo, in order, when a baseline is given")
		boolean isBaselineTo() {
			return baselineEnrollment == null
					|| baselineFrom != null && baselineTo != null && !baselineTo.isBefore(baselineFrom);
		}

		Campaign.Targets toTargets() {
			return new Campaign.Targets(baselineEnrollment, baselineFrom, baselineTo, enrollmentIncreasePercent,
					womenShare, peopleOfColorShare, retention90, retention365,
					surveyedShare == null ? new BigDecimal("0.90") : surveyedShare,
					respondedShare == null ? new BigDecimal("0.60") : respondedShare);
		}

	}

	public record ComponentRequest(
			@NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_-]{2,40}", message = "must be 2-40 letters, digits, _ or -") String code,
			@NotNull(message = "is required") @Pattern(regexp = "billboard|transit|newspaper|social|podcast|newsletter|radio|flyer|event|other",
					message = "must be billboard, transit, newspaper, social, podcast, newsletter, radio, flyer, event or other") String channel,
			@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
			@Nullable LocalDate liveFrom, @Nullable LocalDate liveTo) {

		@AssertTrue(message = "must be on or after liveFrom")
		boolean isLiveTo() {
			return liveFrom == null || liveTo == null || !liveTo.isBefore(liveFrom);
		}

		Campaign.Component toComponent() {
			return new Campaign.Component(code, channel, name, liveFrom, liveTo);
		}

	}

}
