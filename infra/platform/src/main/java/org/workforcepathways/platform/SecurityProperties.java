package org.workforcepathways.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which paths of a service anyone may read, and which need a role before anything else happens. Everything else
 * needs a valid token (issuer, audience, expiry and signature checked by the service itself, never trusted from a
 * header); finer checks (organization scope) are the feature's own.
 *
 * @param publicPaths Ant-style patterns anonymous callers may read (GET and HEAD), e.g. directory search
 * @param anonymousWritePaths Ant-style patterns anyone may POST to (engagement reports, ratings); checked first
 * @param roleRules requests that need one of some roles, checked before the body is read, so a caller without the
 *     role gets 403 rather than a complaint about the body
 */
@ConfigurationProperties("wrd.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths, @DefaultValue List<String> anonymousWritePaths,
		@DefaultValue List<RoleRule> roleRules) {

	/**
	 * @param methods HTTP methods, e.g. POST, PUT; all when empty
	 * @param paths Ant-style patterns
	 * @param roles realm roles, any of which admits the request
	 */
	public record RoleRule(@DefaultValue List<String> methods, List<String> paths, List<String> roles) {

	}

}
