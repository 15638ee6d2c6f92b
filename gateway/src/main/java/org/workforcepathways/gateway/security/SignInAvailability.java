package org.workforcepathways.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.workforcepathways.gateway.errors.ProblemResponses;

/**
 * Before a visitor is sent to Keycloak to sign in, checks that Keycloak answers; when it does not, says so here (503,
 * in the visitor's page or as problem+json) instead of sending the browser to an address that cannot load. Those
 * already signed in are not affected: their tokens are checked against keys the gateway and services hold.
 */
final class SignInAvailability implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger(SignInAvailability.class);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	private static final String PAGE = """
			<!doctype html><html lang="en"><head><meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign-in unavailable</title>
			<link rel="stylesheet" href="/css/app.css"></head><body><main class="container">
			<h1>Sign-in is unavailable right now</h1>
			<p>Searching the directory works without signing in. Please try signing in again in a few minutes.</p>
			<p lang="es">No se puede iniciar sesión en este momento. Puede buscar en el directorio sin iniciar sesión;
			intente de nuevo en unos minutos.</p>
			<p><a href="/">Back to the directory / Volver al directorio</a></p></main></body></html>
			""";

	private final WebClient keycloak;

	private final String wellKnown;

	SignInAvailability(KeycloakProperties properties) {
		this.keycloak = WebClient.create();
		this.wellKnown = properties.backchannel() + "/.well-known/openid-configuration";
	}

	static boolean startsSignIn(String path) {
		return path.equals("/signin") || path.startsWith("/oauth2/authorization/");
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!startsSignIn(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		// a local request for a small document, cheap beside the sign-in it guards, so it is not cached
		return keycloak.get()
			.uri(wellKnown)
			.retrieve()
			.toBodilessEntity()
			.timeout(PROBE_TIMEOUT)
			.map(ok -> true)
			.onErrorResume(e -> Mono.just(false))
			.flatMap(reachable -> {
				if (reachable) {
					return chain.filter(exchange);
				}
				log.warn("sign-in refused: Keycloak does not answer");
				return unavailable(exchange);
			});
	}

	private static Mono<Void> unavailable(ServerWebExchange exchange) {
		var response = exchange.getResponse();
		response.getHeaders().set("Retry-After", "30");
		boolean page = exchange.getRequest().getHeaders().getAccept().stream()
			.anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
		if (!page) {
			return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "signin-unavailable",
					"Sign-in is unavailable right now; searching works without signing in. Try again in a few minutes.");
		}
		byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
