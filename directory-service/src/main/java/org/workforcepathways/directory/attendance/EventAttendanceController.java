package org.workforcepathways.directory.attendance;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.workforcepathways.platform.Caller;

/** Providers record how many registered for and attended their career events; admins for any organization. */
@RestController
@RequestMapping("/api/directory/listings/{id}/attendance")
@PreAuthorize("hasAnyRole('provider', 'admin')")
class EventAttendanceController {

	private static final String ID = "[A-Za-z0-9_.:-]{1,64}";

	private final EventAttendances attendances;

	EventAttendanceController(EventAttendances attendances) {
		this.attendances = attendances;
	}

	@PutMapping
	@Operation(summary = "Record registrations and attendance of one date of a career event (its provider, or an admin)")
	Attendance record(@PathVariable("id") @Pattern(regexp = ID, message = "must be 1-64 letters, digits or ._:-") String id,
			@Valid @RequestBody AttendanceInput input, @AuthenticationPrincipal Jwt jwt) {
		return attendances.record(id, input, Caller.of(jwt));
	}

	@GetMapping
	@Operation(summary = "A career event's recorded attendance, newest date first (its provider, or an admin)")
	List<Attendance> list(@PathVariable("id") @Pattern(regexp = ID, message = "must be 1-64 letters, digits or ._:-") String id,
			@AuthenticationPrincipal Jwt jwt) {
		return attendances.of(id, Caller.of(jwt));
	}

}
