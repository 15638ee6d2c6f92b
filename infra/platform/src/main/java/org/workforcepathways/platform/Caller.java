package org.workforcepathways.platform;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the access token: subject id, strongest realm role and organizations (Keycloak Organizations
 * aliases in the {@code organization} claim). Services decide with it what the caller may see and change.
 */
public record Caller(String subject, String role, List<String> organizations) {

	/** Realm roles in order of precedence, so a user holding several is taken by the strongest. */
	public static final List<String> ROLES = List.of("admin", "case_manager", "provider", "city_staff", "jobseeker");

	public Caller {
		organizations = organizations == null ? List.of() : List.copyOf(organizations);
	}

	public static Caller of(Jwt jwt) {
		Object realmAccess = jwt.getClaims().get("realm_access");
		List<?> roles = realmAccess instanceof Map<?, ?> m && m.get("roles") instanceof List<?> l ? l : List.of();
		String role = ROLES.stream().filter(roles::contains).findFirst().orElse("none");
		List<String> organizations = jwt.getClaimAsStringList("organization");
		return new Caller(jwt.getSubject(), role, organizations);
	}

	/** The first organization, the one a user acts for. */
	public @Nullable String organization() {
		return organizations.isEmpty() ? null : organizations.get(0);
	}

	public boolean isAdmin() {
		return "admin".equals(role);
	}

	/** Admins act for every organization; others only for their own. */
	public boolean actsFor(String organizationId) {
		return isAdmin() || organizations.contains(organizationId);
	}

}
