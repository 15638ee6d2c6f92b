package org.workforcepathways.matching.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.platform.InvalidInputException;

/** The audit log, for admins: who read or changed which person's record, newest first. */
@RestController
@RequestMapping("/api/matching/audit")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	@PreAuthorize("hasRole('admin')")
	@Operation(summary = "Audit entries, newest first; page with 'before' = nextBefore of the previous page")
	AuditPage entries(
			@RequestParam(name = "recordType", required = false) @Pattern(regexp = "[a-z_]{1,32}",
					message = "must be 1-32 lower-case letters or '_'") @Nullable String recordType,
			@RequestParam(name = "recordId", required = false) @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}",
					message = "must be 1-64 letters, digits or ._:-") @Nullable String recordId,
			@RequestParam(name = "actor", required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
					message = "must be a subject id") @Nullable String actor,
			@RequestParam(name = "from", required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(name = "to", required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(name = "before", required = false) @Min(value = 1,
					message = "must be a positive id") @Nullable Long before,
			@RequestParam(name = "size", defaultValue = "50") @Min(value = 1, message = "must be at least 1") @Max(
					value = 200, message = "must be at most 200") int size) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInputException("to", "must be after 'from'");
		}
		List<AuditEntry> entries = log.find(new AuditLog.AuditQuery(recordType, recordId, actor, from, to, before, size));
		Long next = entries.size() == size ? entries.get(entries.size() - 1).id() : null;
		return new AuditPage(entries, next);
	}

	/** A page of entries and the cursor for the next one (absent on the last page). */
	record AuditPage(List<AuditEntry> entries, @Nullable Long nextBefore) {

	}

}
