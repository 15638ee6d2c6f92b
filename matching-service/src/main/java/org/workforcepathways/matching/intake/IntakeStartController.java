package org.workforcepathways.matching.intake;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.workforcepathways.contracts.referral.IntakeRecorded;

/** Counts intakes started, so the campaign sees where people leave before finishing; nothing about the person. */
@RestController
class IntakeStartController {

	private final IntakeEvents events;

	IntakeStartController(IntakeEvents events) {
		this.events = events;
	}

	record Started(@Pattern(regexp = IntakeRequest.CAMPAIGN, message = IntakeRequest.CAMPAIGN_MESSAGE) @Nullable String campaign,
			@Pattern(regexp = IntakeRequest.HEARD_FROM, message = IntakeRequest.HEARD_FROM_MESSAGE) @Nullable String heardFrom) {

	}

	@PostMapping("/api/matching/intakes/started")
	@Operation(summary = "Count an intake started, with its campaign and how the person heard of us (anyone)")
	ResponseEntity<Void> started(@Valid @RequestBody Started started, @AuthenticationPrincipal @Nullable Jwt jwt) {
		events.record(IntakeRecorded.STARTED, started.heardFrom(), started.campaign(), jwt);
		return ResponseEntity.accepted().build();
	}

}
