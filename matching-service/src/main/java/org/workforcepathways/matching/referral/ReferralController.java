package org.workforcepathways.matching.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.Problems;

/** Referrals: sent by case managers (or jobseekers for themselves), answered by providers, followed a year on. */
@RestController
class ReferralController {

	private final Referrals referrals;

	private final Clock clock;

	ReferralController(Referrals referrals, Clock clock) {
		this.referrals = referrals;
		this.clock = clock;
	}

	/**
	 * @param screener answers to the program's screener (question id to answer); they travel with the referral to the
	 *     provider only, with the person's consent
	 * @param shareWithProvider the person consents to share the note and screener answers with this provider
	 */
	record NewReferral(@NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}",
			message = "must be a listing id") String listingId, @Nullable UUID clientId,
			@Size(max = 1000, message = "must be at most 1000 characters") @Nullable String note,
			@Size(max = 20, message = "must be at most 20 answers") java.util.@Nullable Map<String,
					@Size(max = 40, message = "must be at most 40 characters") String> screener,
			boolean shareWithProvider) {

	}

	record OutcomeChange(@NotNull(message = "is required") @Pattern(
			regexp = "got_help|could_not_contact|not_eligible|no_capacity|no_longer_interested|other",
			message = "must be got_help, could_not_contact, not_eligible, no_capacity, no_longer_interested or other") String outcome) {

	}

	record StatusChange(@NotNull(message = "is required") @Pattern(
			regexp = "accepted|declined|enrolled|completed|exited|withdrawn",
			message = "must be accepted, declined, enrolled, completed, exited or withdrawn") String status,
			@Pattern(regexp = "[a-z_]{1,40}", message = "must be a reason code such as no_capacity") @Nullable String reason) {

	}

	record Placement(@NotNull(message = "is required") LocalDate placedOn) {

	}

	record CheckIn(@NotNull(message = "is required") Boolean employed) {

	}

	@PostMapping("/api/matching/referrals")
	@Operation(summary = "Refer a client (case manager) or yourself (jobseeker) to a listing")
	ResponseEntity<Referral> send(@Valid @RequestBody NewReferral body, @AuthenticationPrincipal Jwt jwt) {
		Referral r = referrals.send(Caller.of(jwt), body.listingId(), body.clientId(), body.note(), body.screener(),
				body.shareWithProvider());
		return ResponseEntity.status(HttpStatus.CREATED).body(r);
	}

	@GetMapping("/api/matching/referrals")
	@Operation(summary = "Referrals your organization sent or received (or your own), newest change first")
	List<Referral> list(@RequestParam(name = "status", required = false) @Pattern(
			regexp = "sent|accepted|declined|enrolled|completed|exited|withdrawn", message = "is not a status") @Nullable String status,
			@RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(name = "size", defaultValue = "20") @Min(value = 1, message = "must be 1 to 100") @Max(
					value = 100, message = "must be 1 to 100") int size,
			@AuthenticationPrincipal Jwt jwt) {
		return referrals.page(Caller.of(jwt), status == null ? null : ReferralStatus.of(status), page, size);
	}

	@GetMapping("/api/matching/referrals/{id}")
	@Operation(summary = "One referral with its history and check-ins")
	Referral one(@PathVariable("id") UUID id, @AuthenticationPrincipal Jwt jwt) {
		return referrals.find(id, Caller.of(jwt)).orElseThrow(ReferralController::notFound);
	}

	@PostMapping("/api/matching/referrals/{id}/status")
	@Operation(summary = "Move a referral on (docs/referrals.md); an invalid move is a 409")
	Referral move(@PathVariable("id") UUID id, @Valid @RequestBody StatusChange body, @AuthenticationPrincipal Jwt jwt) {
		return referrals.move(id, ReferralStatus.of(body.status()), body.reason(), Caller.of(jwt));
	}

	@PostMapping("/api/matching/referrals/{id}/outcome")
	@Operation(summary = "Record what happened (kept apart from the status): got help, could not contact, ...")
	Referral outcome(@PathVariable("id") UUID id, @Valid @RequestBody OutcomeChange body, @AuthenticationPrincipal Jwt jwt) {
		return referrals.outcome(id, body.outcome(), Caller.of(jwt));
	}

	@GetMapping("/api/matching/referrals/overdue")
	@Operation(summary = "Referrals past the provider's response deadline without an answer, on your side")
	List<Referral> overdue(@AuthenticationPrincipal Jwt jwt) {
		return referrals.overdue(Caller.of(jwt));
	}

	@PostMapping("/api/matching/referrals/{id}/placement")
	@Operation(summary = "Record the job placement; retention check-ins fall due at 30, 90, 180 and 365 days")
	Referral place(@PathVariable("id") UUID id, @Valid @RequestBody Placement body, @AuthenticationPrincipal Jwt jwt) {
		return referrals.place(id, body.placedOn(), Caller.of(jwt));
	}

	@PostMapping("/api/matching/referrals/{id}/check-ins/{day}")
	@Operation(summary = "Record a retention check-in that is due: still employed or not")
	Referral checkIn(@PathVariable("id") UUID id, @PathVariable("day") int day, @Valid @RequestBody CheckIn body,
			@AuthenticationPrincipal Jwt jwt) {
		return referrals.checkIn(id, day, body.employed(), Caller.of(jwt));
	}

	@GetMapping("/api/matching/follow-ups")
	@Operation(summary = "Retention check-ins due (by default within the next 7 days, and overdue ones)")
	List<Referrals.FollowUp> followUps(@RequestParam(name = "dueBy", required = false) @Nullable LocalDate dueBy,
			@AuthenticationPrincipal Jwt jwt) {
		return referrals.followUps(Caller.of(jwt), dueBy == null ? LocalDate.now(clock).plusDays(7) : dueBy);
	}

	private static ErrorResponseException notFound() {
		return Problems.notFound("No referral with that id.");
	}

}
