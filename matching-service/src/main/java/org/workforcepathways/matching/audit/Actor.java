package org.workforcepathways.matching.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in person acting, as the audit log records them: subject id, role and organization from the token.
 */
public record Actor(String subject, String role, @Nullable String organization) {

	/** Realm roles in order of precedence, so a user holding several is recorded by the strongest. */
	static final List<String> ROLES = List.of("admin", "case_manager", "provider", "city_staff", "jobseeker");

	public static Actor of(Jwt jwt) {
		Object realmAccess = jwt.getClaims().get("realm_access");
		List<?> roles = realmAccess instanceof java.util.Map<?, ?> m && m.get("roles") instanceof List<?> l ? l : List.of();
		String role = ROLES.stream().filter(roles::contains).findFirst().orElse("none");
		List<String> organizations = jwt.getClaimAsStringList("organization");
		String organization = organizations == null || organizations.isEmpty() ? null : organizations.get(0);
		return new Actor(jwt.getSubject(), role, organization);
	}

}
