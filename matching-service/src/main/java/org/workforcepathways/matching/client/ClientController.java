package org.workforcepathways.matching.client;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.workforcepathways.matching.audit.Actor;
import org.workforcepathways.matching.audit.AuditEntry.Action;
import org.workforcepathways.matching.audit.AuditEntry.Outcome;
import org.workforcepathways.matching.audit.AuditLog;
import org.workforcepathways.matching.intake.SavedIntakes;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.Problems;

/** A case manager's clients: add, list with what is due, export and erase on request. */
@RestController
class ClientController {

	private final Clients clients;

	private final SavedIntakes intakes;

	private final AuditLog audit;

	ClientController(Clients clients, SavedIntakes intakes, AuditLog audit) {
		this.clients = clients;
		this.intakes = intakes;
		this.audit = audit;
	}

	record NewClient(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String displayName) {

	}

	/** Everything kept about a client, for them to take away. */
	record Export(Client client, List<SavedIntakes.Saved> intakes) {

	}

	@PostMapping("/api/matching/clients")
	@Operation(summary = "Add a client to your organization (case manager)")
	ResponseEntity<Client> add(@Valid @RequestBody NewClient body, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		Client c = clients.add(caller.organization(), body.displayName(), caller.subject());
		audit.record(Actor.of(jwt), Action.CREATE, "client", c.id().toString(), Outcome.ALLOWED);
		return ResponseEntity.status(HttpStatus.CREATED).body(c);
	}

	@GetMapping("/api/matching/clients")
	@Operation(summary = "Your organization's clients, newest first, with open referrals and follow-ups due")
	List<Clients.Summary> list(@RequestParam(name = "q", required = false) @Size(max = 100, message = "must be at most 100 characters") @Nullable String q,
			@RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(name = "size", defaultValue = "20") @Min(value = 1, message = "must be 1 to 100") @Max(
					value = 100, message = "must be 1 to 100") int size,
			@AuthenticationPrincipal Jwt jwt) {
		return clients.page(Caller.of(jwt).organization(), q, page, size);
	}

	@GetMapping("/api/matching/clients/{id}/export")
	@Operation(summary = "Everything kept about a client: their record and intakes with demographics")
	Export export(@PathVariable("id") UUID id, @AuthenticationPrincipal Jwt jwt) {
		Client c = owned(id, jwt);
		audit.record(Actor.of(jwt), Action.EXPORT, "client", id.toString(), Outcome.ALLOWED);
		return new Export(c, intakes.of(SavedIntakes.Person.client(id)));
	}

	@DeleteMapping("/api/matching/clients/{id}")
	@Operation(summary = "Erase a client on their request: record, intakes and demographics; referrals keep a pseudonym")
	ResponseEntity<Void> erase(@PathVariable("id") UUID id, @AuthenticationPrincipal Jwt jwt) {
		owned(id, jwt);
		clients.erase(id, Caller.of(jwt).organization());
		audit.record(Actor.of(jwt), Action.ERASE, "client", id.toString(), Outcome.ALLOWED);
		return ResponseEntity.noContent().build();
	}

	private Client owned(UUID id, Jwt jwt) {
		return clients.find(id, Caller.of(jwt).organization()).orElseThrow(() -> {
			audit.record(Actor.of(jwt), Action.READ, "client", id.toString(), Outcome.NOT_FOUND);
			return Problems.notFound("No client with that id.");
		});
	}

}
