package org.workforcepathways.platform;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.DelegatingJwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ExpressionJwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: Keycloak-issued JWTs, realm roles mapped to {@code ROLE_<role>}
 * authorities, stateless, and 401/403 answered as problem+json. Services add their own rules with
 * {@code @PreAuthorize} on the feature's controller.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

	static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error");

	@Bean
	@ConditionalOnMissingBean
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityProperties properties,
			JsonMapper jsonMapper) {
		List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
		open.addAll(properties.publicPaths());
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(jsonMapper);
		http.authorizeHttpRequests(auth -> {
			if (!properties.anonymousWritePaths().isEmpty()) {
				auth.requestMatchers(HttpMethod.POST, properties.anonymousWritePaths().toArray(String[]::new)).permitAll();
			}
			for (SecurityProperties.RoleRule rule : properties.roleRules()) {
				String[] roles = rule.roles().toArray(String[]::new);
				String[] paths = rule.paths().toArray(String[]::new);
				if (rule.methods().isEmpty()) {
					auth.requestMatchers(paths).hasAnyRole(roles);
				}
				for (String method : rule.methods()) {
					auth.requestMatchers(HttpMethod.valueOf(method), paths).hasAnyRole(roles);
				}
			}
			auth.requestMatchers(HttpMethod.OPTIONS, "/**")
			.permitAll()
			// public means readable: a write to the same path still needs a token
			.requestMatchers(HttpMethod.GET, open.toArray(String[]::new))
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, open.toArray(String[]::new))
			.permitAll()
			.anyRequest()
			.authenticated();
		})
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// bearer tokens only, no cookies: nothing for a cross-site request to ride on
			.csrf(csrf -> csrf.disable())
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/** Keycloak puts realm roles in {@code realm_access.roles}; scopes keep their usual {@code SCOPE_} form. */
	static JwtAuthenticationConverter realmRoles() {
		var roles = new ExpressionJwtGrantedAuthoritiesConverter(
				new SpelExpressionParser().parseRaw("[realm_access] == null ? {} : [realm_access][roles]"));
		roles.setAuthorityPrefix("ROLE_");
		var converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(
				new DelegatingJwtGrantedAuthoritiesConverter(new JwtGrantedAuthoritiesConverter(), roles));
		return converter;
	}

}
