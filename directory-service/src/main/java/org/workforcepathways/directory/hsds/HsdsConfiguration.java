package org.workforcepathways.directory.hsds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HsdsConfiguration {

	/** Reads the data package descriptor and schema once. */
	@Bean
	HsdsTabular hsdsTabular() {
		return new HsdsTabular();
	}

}
