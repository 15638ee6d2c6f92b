package org.workforcepathways.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body the gateway passes on
 * @param maxUriLength the longest address (path and query) it passes on; the services' own header limit (8 kB with
 * the token) must stay out of reach, so a longer one is refused here with a problem, not there with an HTML page
 */
@ConfigurationProperties("wrd.gateway.requests")
public record RequestLimits(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("4096") int maxUriLength) {

}
