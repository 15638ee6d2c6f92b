package org.workforcepathways.gateway.webapp;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the web app needs to know about its visitor: signed in or not, the name to greet and the roles that decide
 * which screens it offers. The roles come from the access token the gateway keeps (refreshed if it expired), so the
 * screens follow exactly what the services will allow; the token itself never leaves the gateway.
 */
@RestController
class SessionController {

	static final String REGISTRATION = "keycloak";

	private static final Set<String> ROLES = Set.of("jobseeker", "case_manager", "provider", "city_staff", "admin");

	private final ReactiveOAuth2AuthorizedClientManager clients;

	private final ReactiveJwtDecoder decoder;

	SessionController(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder decoder) {
		this.clients = clients;
		this.decoder = decoder;
	}

	@GetMapping("/api/session")
	Mono<Visitor> session(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(OAuth2AuthenticationToken.class::isInstance)
			.cast(Authentication.class)
			.flatMap(user -> clients
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
					.principal(user)
					.attribute(ServerWebExchange.class.getName(), exchange)
					.build())
				.flatMap(client -> decoder.decode(client.getAccessToken().getTokenValue()))
				.map(Visitor::of))
			.onErrorResume(e -> Mono.empty()) // an expired refresh token is a signed-out visitor
			.defaultIfEmpty(Visitor.ANONYMOUS);
	}

	/**
	 * Starts the sign-in and remembers the page to come back to; only a path on this site, so the link cannot send
	 * anyone elsewhere.
	 */
	@GetMapping("/signin")
	Mono<ResponseEntity<Void>> signIn(@RequestParam(defaultValue = "/") String next, ServerWebExchange exchange) {
		return exchange.getSession().map(session -> {
			session.getAttributes().put(ReturnToPage.ATTRIBUTE, ReturnToPage.safe(next));
			return ResponseEntity.status(HttpStatus.FOUND)
				.location(URI.create("/oauth2/authorization/" + REGISTRATION))
				.build();
		});
	}

	record Visitor(boolean signedIn, String username, String name, List<String> roles, String organization) {

		static final Visitor ANONYMOUS = new Visitor(false, null, null, List.of(), null);

		static Visitor of(Jwt token) {
			Object realm = token.getClaims().get("realm_access");
			List<String> roles = realm instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> all
					? all.stream().map(String::valueOf).filter(ROLES::contains).sorted().toList() : List.of();
			String name = token.getClaimAsString("name");
			return new Visitor(true, token.getClaimAsString("preferred_username"),
					name == null || name.isBlank() ? token.getClaimAsString("preferred_username") : name, roles,
					organization(token.getClaims().get("organization")));
		}

		/** Keycloak writes organizations as a list of aliases or, with details, as a map keyed by alias. */
		private static String organization(Object claim) {
			if (claim instanceof Map<?, ?> map && !map.isEmpty()) {
				return String.valueOf(map.keySet().iterator().next());
			}
			if (claim instanceof Collection<?> list && !list.isEmpty()) {
				return String.valueOf(list.iterator().next());
			}
			return null;
		}

	}

}
