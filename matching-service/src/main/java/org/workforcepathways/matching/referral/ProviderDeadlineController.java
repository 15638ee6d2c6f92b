package org.workforcepathways.matching.referral;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Response deadlines per provider organization, and the overdue digest, for admins. */
@RestController
class ProviderDeadlineController {

	private static final String ORG = "[A-Za-z0-9_.:-]{1,100}";

	private final ResponseDeadlines deadlines;

	private final OverdueDigest digest;

	ProviderDeadlineController(ResponseDeadlines deadlines, OverdueDigest digest) {
		this.deadlines = deadlines;
		this.digest = digest;
	}

	record Deadline(@NotNull(message = "is required") @Min(value = 0, message = "must be 0 to 30") @Max(value = 30,
			message = "must be 0 to 30") Integer businessDays) {

	}

	@GetMapping("/api/matching/providers/{organizationId}/deadline")
	@Operation(summary = "A provider organization's response deadline in business days (admin)")
	Deadline get(@PathVariable("organizationId") @Pattern(regexp = ORG, message = "must be an organization id") String organizationId) {
		return new Deadline(deadlines.businessDaysOrDefault(organizationId));
	}

	@PutMapping("/api/matching/providers/{organizationId}/deadline")
	@Operation(summary = "Set a provider organization's response deadline; new referrals use it (admin)")
	Deadline set(@PathVariable("organizationId") @Pattern(regexp = ORG, message = "must be an organization id") String organizationId,
			@Valid @RequestBody Deadline body, @AuthenticationPrincipal Jwt jwt) {
		deadlines.set(organizationId, body.businessDays(), jwt.getSubject());
		return new Deadline(deadlines.businessDaysOrDefault(organizationId));
	}

	@PostMapping("/api/matching/digest")
	@Operation(summary = "Run the daily overdue digest now (admin); it runs by itself every weekday morning")
	OverdueDigest.Digest runDigest() {
		return digest.run();
	}

}
