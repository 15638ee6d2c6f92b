package org.workforcepathways.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body the gateway passes on
 */
@ConfigurationProperties("wrd.gateway.requests")
public record RequestLimits(@DefaultValue("1MB") DataSize maxSize) {

}
