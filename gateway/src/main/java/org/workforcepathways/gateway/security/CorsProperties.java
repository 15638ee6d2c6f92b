package org.workforcepathways.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Origins other than the gateway's own that browsers may call it from. Empty by default: the web app is served by the
 * gateway itself, so nothing cross-origin is needed.
 */
@ConfigurationProperties("wrd.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

}
