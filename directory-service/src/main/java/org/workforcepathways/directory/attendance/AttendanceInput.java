package org.workforcepathways.directory.attendance;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The counts of one event date, as a provider sends them. */
public record AttendanceInput(@NotNull(message = "is required") @Nullable LocalDate eventOn,
		@NotNull(message = "is required: in_person, virtual or hybrid") @Pattern(regexp = "in_person|virtual|hybrid",
				message = "must be in_person, virtual or hybrid") @Nullable String format,
		@NotNull(message = "is required") @Min(value = 0, message = "must be 0 to 100000") @Max(value = 100_000,
				message = "must be 0 to 100000") @Nullable Integer registered,
		@NotNull(message = "is required") @Min(value = 0, message = "must be 0 to 100000") @Max(value = 100_000,
				message = "must be 0 to 100000") @Nullable Integer attended) {

}
