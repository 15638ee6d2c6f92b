package org.workforcepathways.matching.consent;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.workforcepathways.matching.audit.Actor;
import org.workforcepathways.matching.audit.AuditEntry.Action;
import org.workforcepathways.matching.audit.AuditEntry.Outcome;
import org.workforcepathways.matching.audit.AuditLog;
import org.workforcepathways.matching.client.Clients;
import org.workforcepathways.matching.intake.SavedIntakes.Person;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.Problems;

/**
 * Contact preferences and consents: a jobseeker's own ({@code /me}), or recorded by a case manager for a client.
 * Every change says who made it and when; a consent is withdrawn, never deleted.
 */
@RestController
class ConsentController {

	private final Consents consents;

	private final Clients clients;

	private final AuditLog audit;

	ConsentController(Consents consents, Clients clients, AuditLog audit) {
		this.consents = consents;
		this.clients = clients;
		this.audit = audit;
	}

	record ContactChoice(@NotNull(message = "is required") @Size(max = 3, message = "must be at most 3") List<@Pattern(
			regexp = "phone|text|email", message = "must be phone, text or email") String> channels, boolean doNotContact) {

	}

	record NewConsent(@NotNull(message = "is required") @Pattern(
			regexp = "referral_sharing|retention_follow_up|anonymous_statistics",
			message = "must be referral_sharing, retention_follow_up or anonymous_statistics") String purpose,
			@Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}", message = "must be an organization id") @Nullable String providerOrganizationId) {

	}

	record Choices(Consents.Contact contact, List<Consents.Consent> consents) {

	}

	@GetMapping("/api/matching/me/consents")
	@Operation(summary = "Your contact preferences and consents (jobseeker)")
	Choices mine(@AuthenticationPrincipal Jwt jwt) {
		Person p = Person.jobseeker(jwt.getSubject());
		return new Choices(consents.contact(p), consents.of(p));
	}

	@PutMapping("/api/matching/me/contact")
	@Operation(summary = "How you may be contacted; do-not-contact stops every notification and follow-up (jobseeker)")
	Consents.Contact myContact(@Valid @RequestBody ContactChoice body, @AuthenticationPrincipal Jwt jwt) {
		return contact(Person.jobseeker(jwt.getSubject()), body, jwt);
	}

	@PostMapping("/api/matching/me/consents")
	@Operation(summary = "Give a consent (jobseeker)")
	ResponseEntity<Consents.Consent> giveMine(@Valid @RequestBody NewConsent body, @AuthenticationPrincipal Jwt jwt) {
		return give(Person.jobseeker(jwt.getSubject()), body, jwt);
	}

	@DeleteMapping("/api/matching/me/consents/{consentId}")
	@Operation(summary = "Withdraw a consent; it takes effect at once (jobseeker)")
	Consents.Consent withdrawMine(@PathVariable("consentId") long consentId, @AuthenticationPrincipal Jwt jwt) {
		return withdraw(Person.jobseeker(jwt.getSubject()), consentId, jwt);
	}

	@GetMapping("/api/matching/clients/{id}/consents")
	@Operation(summary = "A client's contact preferences and consents (case manager)")
	Choices clientChoices(@PathVariable("id") UUID id, @AuthenticationPrincipal Jwt jwt) {
		Person p = client(id, jwt);
		return new Choices(consents.contact(p), consents.of(p));
	}

	@PutMapping("/api/matching/clients/{id}/contact")
	@Operation(summary = "Record how a client may be contacted (case manager)")
	Consents.Contact clientContact(@PathVariable("id") UUID id, @Valid @RequestBody ContactChoice body,
			@AuthenticationPrincipal Jwt jwt) {
		return contact(client(id, jwt), body, jwt);
	}

	@PostMapping("/api/matching/clients/{id}/consents")
	@Operation(summary = "Record a client's consent (case manager)")
	ResponseEntity<Consents.Consent> giveClient(@PathVariable("id") UUID id, @Valid @RequestBody NewConsent body,
			@AuthenticationPrincipal Jwt jwt) {
		return give(client(id, jwt), body, jwt);
	}

	@DeleteMapping("/api/matching/clients/{id}/consents/{consentId}")
	@Operation(summary = "Record that a client withdrew a consent; it takes effect at once (case manager)")
	Consents.Consent withdrawClient(@PathVariable("id") UUID id, @PathVariable("consentId") long consentId,
			@AuthenticationPrincipal Jwt jwt) {
		return withdraw(client(id, jwt), consentId, jwt);
	}

	private Person client(UUID id, Jwt jwt) {
		if (clients.find(id, Caller.of(jwt).organization()).isEmpty()) {
			throw Problems.notFound("No client with that id.");
		}
		return Person.client(id);
	}

	private Consents.Contact contact(Person p, ContactChoice body, Jwt jwt) {
		audit.record(Actor.of(jwt), Action.UPDATE, "contact", p.key().replace("jobseeker:", "").replace("client:", ""),
				Outcome.ALLOWED);
		return consents.setContact(p, body.channels().stream().distinct().toList(), body.doNotContact(), jwt.getSubject());
	}

	private ResponseEntity<Consents.Consent> give(Person p, NewConsent body, Jwt jwt) {
		Consents.Consent c = consents.give(p, body.purpose(), body.providerOrganizationId(), jwt.getSubject());
		audit.record(Actor.of(jwt), Action.CREATE, "consent", Long.toString(c.id()), Outcome.ALLOWED);
		return ResponseEntity.status(HttpStatus.CREATED).body(c);
	}

	private Consents.Consent withdraw(Person p, long consentId, Jwt jwt) {
		Consents.Consent c = consents.withdraw(p, consentId, jwt.getSubject())
			.orElseThrow(() -> Problems.notFound("No consent in force with that id."));
		audit.record(Actor.of(jwt), Action.UPDATE, "consent", Long.toString(consentId), Outcome.ALLOWED);
		return c;
	}

}
