package org.workforcepathways.devstack;

import java.util.Map;
import java.util.function.Function;

/**
 * The loopback ports of one stack. The {@code dev} stack (./wrd up) and the {@code test} stack (./wrd test) use
 * different ranges so tests can run while the demo stack is up. Each port can be overridden by an environment
 * variable: {@code WRD_<PART>_PORT} for dev, {@code WRD_TEST_<PART>_PORT} for test (e.g. WRD_ELASTICSEARCH_PORT).
 */
public record Ports(int postgres, int elasticsearch, int kafka, int kafkaController, int keycloak,
		int keycloakManagement, int gateway, int directory, int matching, int metrics) {

	static Ports forStack(String stack, Function<String, String> env) {
		boolean test = "test".equals(stack);
		String prefix = prefix(stack);
		// the scale stack (several brokers, nodes and instances) sits 1000 above dev: 9080-9093, 16432, 19080, 20092+
		int shift = test ? 10_000 : "scale".equals(stack) ? 1_000 : 0;
		Map<String, Integer> d = Map.of("POSTGRES", 15432, "ELASTICSEARCH", 19200, "KAFKA", 19092, "KAFKA_CONTROLLER",
				19093, "KEYCLOAK", 18080, "KEYCLOAK_MANAGEMENT", 19000, "GATEWAY", 8080, "DIRECTORY", 8081, "MATCHING",
				8082, "METRICS", 8083);
		Function<String, Integer> port = part -> {
			String override = env.apply(prefix + part + "_PORT");
			if (override == null || override.isBlank()) {
				int base = d.get(part);
				// services of the test stack sit at 18180+ so they never meet the dev gateway's 8080 range
				return test && base < 9000 ? base + 10_100 : base + shift;
			}
			try {
				int value = Integer.parseInt(override.trim());
				if (value < 1 || value > 65535) {
					throw new NumberFormatException();
				}
				return value;
			}
			catch (NumberFormatException ex) {
				throw new DevstackException(prefix + part + "_PORT must be a port number (1-65535), was '" + override + "'");
			}
		};
		return new Ports(port.apply("POSTGRES"), port.apply("ELASTICSEARCH"), port.apply("KAFKA"),
				port.apply("KAFKA_CONTROLLER"), port.apply("KEYCLOAK"), port.apply("KEYCLOAK_MANAGEMENT"),
				port.apply("GATEWAY"), port.apply("DIRECTORY"), port.apply("MATCHING"), port.apply("METRICS"));
	}

	/** The prefix of this stack's port variables: WRD_ (dev), WRD_TEST_, WRD_SCALE_. */
	static String prefix(String stack) {
		return switch (stack) {
			case "test" -> "WRD_TEST_";
			case "scale" -> "WRD_SCALE_";
			default -> "WRD_";
		};
	}

	/** Node {@code n} (1, 2, 3) of a Kafka cluster: broker and controller ports 10 apart per node. */
	int kafka(int n) {
		return kafka + 10 * (n - 1);
	}

	int kafkaController(int n) {
		return kafkaController + 10 * (n - 1);
	}

	/** Node {@code n} of an Elasticsearch cluster: HTTP ports side by side. */
	int elasticsearch(int n) {
		return elasticsearch + n - 1;
	}

	/** Instance {@code n} (1, 2) of a service: the second 10 above the first (8081 -> 8091). */
	static int instance(int port, int n) {
		return port + 10 * (n - 1);
	}

}
