package org.workforcepathways.gateway.security;

import java.net.URI;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

import org.workforcepathways.gateway.errors.ProblemResponses;
import org.workforcepathways.gateway.ratelimit.RequestLimits;
import org.workforcepathways.gateway.ratelimit.RequestSizeFilter;
import org.workforcepathways.gateway.webapp.ReturnToPage;

/**
 * The gateway as backend-for-frontend: browsers sign in here (authorization code + PKCE), their tokens stay in the
 * server-side session and travel to the services by token relay; API clients bring their own bearer token, which is
 * checked here and again by every service. The gateway grants nothing itself: each service decides who may do what.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

	static final String REGISTRATION = "keycloak";

	/**
	 * The Content-Security-Policy of every answer: nothing inline, nothing from another origin. The one exception is
	 * where forms may lead: the sign-out form's answer redirects to Keycloak to end its session too, and browsers
	 * check form-action on redirects.
	 */
	static String contentSecurityPolicy(KeycloakProperties keycloak) {
		URI issuer = keycloak.issuer();
		String identityProvider = issuer.getScheme() + "://" + issuer.getRawAuthority();
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + identityProvider
				+ "; frame-ancestors 'none'";
	}

	/**
	 * The firewall's refusals (encoded slashes or dots in the path, a NUL, an unusual method or header) as a problem,
	 * like every other answer of the gateway, instead of an empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedRequests() {
		return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
				"The address or a header holds characters that are not allowed.");
	}

	@Bean
	SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
			ReactiveJwtDecoder jwtDecoder, RequestLimits limits, CorsProperties cors, KeycloakProperties keycloak) {
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		// PKCE for the confidential client too: a stolen code is useless without the verifier
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var logout = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
		logout.setPostLogoutRedirectUri("{baseUrl}/");
		var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		var csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
		csrfHandler.setTokenFromMultipartDataEnabled(false);
		return http.addFilterAfter(new RequestSizeFilter(limits), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
			.addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
			.addFilterBefore(new SignInAvailability(keycloak), SecurityWebFiltersOrder.CSRF)
			.cors(c -> c.configurationSource(corsSource(cors)))
			.authorizeExchange(ex -> ex.anyExchange().permitAll())
			.oauth2Login(login -> login.authorizationRequestResolver(resolver).authenticationSuccessHandler(new ReturnToPage()))
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
				.authenticationEntryPoint((exchange, e) -> {
					exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
					return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
							"The bearer token is invalid or expired.");
				}))
			.logout(l -> l.logoutSuccessHandler(logout))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(csrfHandler)
				.requireCsrfProtectionMatcher(browserStateChange())
				.accessDeniedHandler((exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
						"csrf", "Missing or wrong CSRF token; reload the page and try again.")))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak)))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(f -> f.mode(org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
			.build();
	}

	/**
	 * CSRF guards what a cookie could authorize: state-changing requests from a browser. A request carrying its own
	 * bearer token has no ambient credential to abuse, so API clients need no CSRF token.
	 */
	static ServerWebExchangeMatcher browserStateChange() {
		return exchange -> {
			var request = exchange.getRequest();
			HttpMethod method = request.getMethod();
			boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
					|| HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
			String authorization = request.getHeaders().getFirst("Authorization");
			boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
			return safe || bearer ? MatchResult.notMatch() : MatchResult.match();
		};
	}

	/** Closed unless origins are configured; then only those, with credentials, for the API paths. */
	static UrlBasedCorsConfigurationSource corsSource(CorsProperties cors) {
		var source = new UrlBasedCorsConfigurationSource();
		if (!cors.allowedOrigins().isEmpty()) {
			var config = new CorsConfiguration();
			config.setAllowedOrigins(cors.allowedOrigins());
			config.setAllowedMethods(java.util.List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			config.setAllowedHeaders(java.util.List.of("Authorization", "Content-Type", "If-Match", "X-XSRF-TOKEN"));
			config.setExposedHeaders(java.util.List.of("ETag", "Retry-After", "Location"));
			config.setAllowCredentials(true);
			config.setMaxAge(3600L);
			source.registerCorsConfiguration("/api/**", config);
		}
		return source;
	}

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
		String browser = keycloak.issuer().toString();
		String backchannel = keycloak.backchannel();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(keycloak.clientId())
			.clientSecret(keycloak.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(keycloak.scopes())
			.issuerUri(browser)
			.authorizationUri(browser + "/protocol/openid-connect/auth")
			.tokenUri(backchannel + "/protocol/openid-connect/token")
			.jwkSetUri(backchannel + "/protocol/openid-connect/certs")
			.userInfoUri(backchannel + "/protocol/openid-connect/userinfo")
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/protocol/openid-connect/logout"))
			.clientName("Workforce Pathways")
			.build();
		return new InMemoryReactiveClientRegistrationRepository(registration);
	}

	/** Bearer tokens of API clients: signature (keys fetched lazily), issuer, expiry and audience. */
	@Bean
	ReactiveJwtDecoder jwtDecoder(KeycloakProperties keycloak) {
		var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(keycloak.backchannel() + "/protocol/openid-connect/certs")
			.build();
		// Keycloak writes a single audience as a string, several as a list; getAudience() reads both
		OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
				&& jwt.getAudience().contains(keycloak.audience()) ? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(keycloak.issuer().toString()), audience));
		return decoder;
	}


}
