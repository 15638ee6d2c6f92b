package org.workforcepathways.matching.intake;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.workforcepathways.contracts.referral.IntakeRecorded;
import org.workforcepathways.matching.audit.Actor;
import org.workforcepathways.matching.audit.AuditEntry.Action;
import org.workforcepathways.matching.audit.AuditEntry.Outcome;
import org.workforcepathways.matching.audit.AuditLog;
import org.workforcepathways.matching.client.Clients;
import org.workforcepathways.matching.match.MatchResult;
import org.workforcepathways.matching.match.MatchService;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;

/**
 * The intake: questions, answers matched to pathways, programs and support services, and a person's saved intakes
 * (export and erase).
 */
@RestController
class IntakeController {

	private final MatchService matching;

	private final SavedIntakes saved;

	private final Clients clients;

	private final AuditLog audit;

	private final IntakeEvents events;

	IntakeController(MatchService matching, SavedIntakes saved, Clients clients, AuditLog audit, IntakeEvents events) {
		this.matching = matching;
		this.saved = saved;
		this.clients = clients;
		this.audit = audit;
		this.events = events;
	}

	/** The intake's fixed choices, in English and Spanish, for any client to render. */
	record Questions(List<InterestItems.Item> interests, Map<String, List<String>> choices) {

	}

	@GetMapping("/api/matching/intake/questions")
	@Operation(summary = "The intake's questions and choices (anyone)")
	Questions questions() {
		return new Questions(InterestItems.ALL, Map.of("answers", List.of("0 no", "1 maybe", "2 yes"), "education",
				List.of("none", "hs_diploma", "ged", "some_college", "associate", "bachelor"), "when",
				List.of("day", "evening", "weekend"), "barriers",
				List.of("childcare", "transportation", "housing", "record", "language", "digital_access"), "credentials",
				List.of(Intake.CREDENTIALS.split("\\|")), "travel", List.of("car", "transit", "walk", "bike")));
	}

	@PostMapping("/api/matching/intakes")
	@Operation(summary = "Match an intake to pathways, nearby programs and support services, with reasons (anyone; "
			+ "saved only for a signed-in jobseeker or a case manager's client)")
	MatchResult match(@Valid @RequestBody IntakeRequest request, @AuthenticationPrincipal @Nullable Jwt jwt) {
		request.intake().interests().keySet().stream().filter(k -> !InterestItems.knows(k)).findFirst().ifPresent(k -> {
			throw new InvalidInputException("intake.interests." + k, "is not an interest item (GET /api/matching/intake/questions)");
		});
		MatchResult result = matching.match(request);
		if (!request.save()) {
			completed(request, jwt);
			return result;
		}
		if (jwt == null) {
			throw new InvalidInputException("save", "needs a signed-in jobseeker or case manager; anonymous answers are not kept");
		}
		Caller caller = Caller.of(jwt);
		SavedIntakes.Person person;
		if (caller.role().equals("case_manager")) {
			if (request.clientId() == null || clients.find(request.clientId(), caller.organization()).isEmpty()) {
				throw new InvalidInputException("clientId", "must be a client of your organization to save their intake");
			}
			person = SavedIntakes.Person.client(request.clientId());
		}
		else if (caller.role().equals("jobseeker") && request.clientId() == null) {
			person = SavedIntakes.Person.jobseeker(caller.subject());
		}
		else {
			throw new InvalidInputException("save", "only a jobseeker's own intake or a case manager's client's is kept");
		}
		var id = saved.save(person, caller.organization(), request, caller.subject());
		audit.record(Actor.of(jwt), Action.CREATE, "intake", id.toString(), Outcome.ALLOWED);
		completed(request, jwt);
		return result.withIntakeId(id);
	}

	/** Counts a completed intake for the campaign's funnel; only once it has succeeded. */
	private void completed(IntakeRequest request, @Nullable Jwt jwt) {
		events.record(IntakeRecorded.COMPLETED, request.heardFrom(),
				request.campaign(), jwt);
	}

	@GetMapping("/api/matching/me/export")
	@Operation(summary = "Everything kept about you: your saved intakes with demographics (jobseeker)")
	List<SavedIntakes.Saved> export(@AuthenticationPrincipal Jwt jwt) {
		audit.record(Actor.of(jwt), Action.EXPORT, "jobseeker", jwt.getSubject(), Outcome.ALLOWED);
		return saved.of(SavedIntakes.Person.jobseeker(jwt.getSubject()));
	}

	@DeleteMapping("/api/matching/me")
	@Operation(summary = "Erase your saved intakes and demographics; your referrals keep only a pseudonym (jobseeker)")
	ResponseEntity<Void> erase(@AuthenticationPrincipal Jwt jwt) {
		saved.eraseJobseeker(jwt.getSubject());
		audit.record(Actor.of(jwt), Action.ERASE, "jobseeker", jwt.getSubject(), Outcome.ALLOWED);
		return ResponseEntity.noContent().build();
	}

}
