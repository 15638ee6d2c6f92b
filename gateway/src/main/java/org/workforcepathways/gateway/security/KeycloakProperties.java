package org.workforcepathways.gateway.security;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway talks to Keycloak. Browsers are sent to the {@code issuer}; the gateway itself may reach Keycloak
 * by another address ({@code backchannelUrl}, e.g. inside a container network), which is why the endpoints are built
 * here rather than discovered: the gateway also starts while Keycloak is still starting.
 *
 * @param issuer the realm's issuer URL as tokens carry it, e.g. http://localhost:18080/realms/workforce
 * @param backchannelUrl the realm URL the gateway uses for tokens and keys; the issuer when absent
 * @param clientId the confidential client of the browser login (authorization code + PKCE)
 * @param clientSecret its secret
 * @param audience the audience every access token must carry
 * @param scopes scopes the browser login asks for
 */
@Validated
@ConfigurationProperties("wrd.gateway.keycloak")
public record KeycloakProperties(@NotNull URI issuer, @Nullable URI backchannelUrl,
		@DefaultValue("gateway") @NotBlank String clientId, @DefaultValue("gateway-dev-secret") String clientSecret,
		@DefaultValue("workforce-api") @NotBlank String audience,
		@DefaultValue({ "openid", "profile", "email", "organization" }) List<String> scopes) {

	public String backchannel() {
		return (backchannelUrl == null ? issuer : backchannelUrl).toString();
	}

}
