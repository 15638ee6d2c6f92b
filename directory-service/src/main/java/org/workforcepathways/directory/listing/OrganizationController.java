package org.workforcepathways.directory.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;

import org.workforcepathways.platform.InvalidInputException;

/** The region's known organizations, kept by an admin (the survey invites them; listings belong to them). */
@RestController
class OrganizationController {

	private final DirectoryStore store;

	private final OrganizationRepository organizations;

	OrganizationController(DirectoryStore store, OrganizationRepository organizations) {
		this.store = store;
		this.organizations = organizations;
	}

	record OrganizationInput(@Nullable String name, @Nullable String description, @Nullable String website,
			@Nullable String email) {

	}

	@PutMapping("/api/directory/organizations/{id}")
	@Operation(summary = "Add or change a known organization (admin)")
	Organization put(@PathVariable("id") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}",
			message = "must be 1-64 letters, digits or ._:-") String id, @RequestBody OrganizationInput in) {
		Organization o = new Organization(id, in.name(), in.description(), in.website(), in.email(), false);
		var problems = store.check(o, List.of())
			.stream()
			.map(p -> new org.workforcepathways.platform.Problems.FieldProblem(p.field().replace("organization.", ""), p.message()))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		store.importOrganization(o, List.of());
		return organizations.findById(id).orElseThrow();
	}

}
