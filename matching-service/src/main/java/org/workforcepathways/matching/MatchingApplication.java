package org.workforcepathways.matching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Matching jobseekers to pathways and programs, and following referrals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MatchingApplication {

	/** "Today" is the region's today: start dates and check-ins are dates there. */
	@org.springframework.context.annotation.Bean
	java.time.Clock clock(MatchingProperties properties) {
		return java.time.Clock.system(properties.timeZone());
	}

	public static void main(String[] args) {
		SpringApplication.run(MatchingApplication.class, args);
	}

}
