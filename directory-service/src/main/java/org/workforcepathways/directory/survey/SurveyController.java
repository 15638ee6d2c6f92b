package org.workforcepathways.directory.survey;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.Problems;

/** The landscape survey: invitations and coverage for admins, the answer form for invited organizations. */
@RestController
class SurveyController {

	private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

	private final Survey survey;

	SurveyController(Survey survey) {
		this.survey = survey;
	}

	record Invite(@NotEmpty(message = "must name at least one organization") @Size(max = 1000,
			message = "must be at most 1000") List<@NotNull String> organizationIds) {

	}

	record Answer(@NotEmpty(message = "must describe at least one service") @Size(max = 50,
			message = "must be at most 50") List<@NotNull Listing> services) {

	}

	record Received(int services) {

	}

	record Decision(@NotNull(message = "is required: approve or reject") @Pattern(regexp = "approve|reject",
			message = "must be approve or reject") String decision) {

	}

	@PostMapping("/api/directory/survey/invitations")
	@Operation(summary = "Invite organizations to the landscape survey; each gets a single-use link (admin)")
	List<Survey.Invitation> invite(@Valid @RequestBody Invite invite, @AuthenticationPrincipal Jwt jwt) {
		return survey.invite(invite.organizationIds(), Caller.of(jwt));
	}

	@GetMapping("/api/directory/survey/coverage")
	@Operation(summary = "Known organizations surveyed and responding, against the targets (admin)")
	Survey.Coverage coverage() {
		return survey.coverage();
	}

	@GetMapping("/api/directory/survey/answers")
	@Operation(summary = "Draft listings from survey answers (admin)")
	List<Survey.Answer> answers(@RequestParam(name = "status", defaultValue = "pending") @Pattern(
			regexp = "pending|approved|rejected", message = "must be pending, approved or rejected") String status) {
		return survey.answers(status);
	}

	@PostMapping("/api/directory/survey/answers/{id}")
	@Operation(summary = "Approve a draft into a listing, or reject it (admin)")
	Decision decide(@PathVariable("id") long id, @Valid @RequestBody Decision decision, @AuthenticationPrincipal Jwt jwt) {
		return survey.decide(id, decision.decision().equals("approve"), Caller.of(jwt))
			.map(d -> new Decision(d.equals("approved") ? "approve" : "reject"))
			.orElseThrow(() -> Problems.notFound("No waiting answer with that id."));
	}

	@GetMapping("/api/directory/survey/links/{token}")
	@Operation(summary = "Open a survey link: the organization it is for (no account needed)")
	Survey.Invited open(@PathVariable("token") @Pattern(regexp = TOKEN, message = "is not a survey link") String token) {
		return survey.open(token);
	}

	@PostMapping("/api/directory/survey/links/{token}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Answer the survey: describe the organization's services; the link then stops working")
	Received answer(@PathVariable("token") @Pattern(regexp = TOKEN, message = "is not a survey link") String token,
			@Valid @RequestBody Answer answer) {
		return new Received(survey.answer(token, answer.services()));
	}

}
