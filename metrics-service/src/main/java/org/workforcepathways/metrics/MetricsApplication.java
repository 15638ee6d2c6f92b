package org.workforcepathways.metrics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Campaign metrics: Kafka Streams aggregates of the events the other services publish. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableKafkaStreams
public class MetricsApplication {

	public static void main(String[] args) {
		SpringApplication.run(MetricsApplication.class, args);
	}

}
