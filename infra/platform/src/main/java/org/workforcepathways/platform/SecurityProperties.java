package org.workforcepathways.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which paths of a service anyone may call. Everything else needs a valid token (issuer, audience, expiry and
 * signature checked by the service itself, never trusted from a header).
 *
 * @param publicPaths Ant-style patterns open to anonymous callers (e.g. directory search)
 */
@ConfigurationProperties("wrd.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths) {

}
