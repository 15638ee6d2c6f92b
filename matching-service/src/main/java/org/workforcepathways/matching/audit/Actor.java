package org.workforcepathways.matching.audit;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

import org.workforcepathways.platform.Caller;

/**
 * The signed-in person acting, as the audit log records them: subject id, role and organization from the token.
 */
public record Actor(String subject, String role, @Nullable String organization) {

	public static Actor of(Jwt jwt) {
		Caller caller = Caller.of(jwt);
		return new Actor(caller.subject(), caller.role(), caller.organization());
	}

}
