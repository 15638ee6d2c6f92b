package org.workforcepathways.devstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

	@Test
	void noTwoStacksShareAPortAndNoStackUsesOneTwice() {
		var seen = new java.util.HashMap<Integer, String>();
		for (String stack : java.util.List.of("dev", "test", "scale")) {
			StackContext ctx = new StackContext(new Layout(java.nio.file.Path.of("/tmp/wrd"), java.nio.file.Path.of("/tmp/wrd/.devstack")), stack, k -> null);
			for (int port : allPorts(ctx)) {
				assertThat(seen.put(port, stack)).as("port %d of the %s stack", port, stack).isNull();
			}
		}
		assertThat(seen).hasSize(11 + 11 + 20);
		assertThat(Ports.forStack("dev", k -> null).gateway()).isEqualTo(8080);
		assertThat(Ports.forStack("scale", k -> null).gateway()).isEqualTo(9080);
	}

	// every port a stack binds: engines (ES transport, Kafka controllers, Keycloak management included), services
	private static java.util.List<Integer> allPorts(StackContext ctx) {
		Ports p = ctx.ports();
		var ports = new java.util.ArrayList<>(java.util.List.of(p.postgres(), p.keycloak(), p.keycloakManagement(),
				p.gateway()));
		for (int n = 1; n <= ctx.searchNodes(); n++) {
			ports.addAll(java.util.List.of(p.elasticsearch(n), p.elasticsearch(n) + 100));
		}
		for (int n = 1; n <= ctx.brokers(); n++) {
			ports.addAll(java.util.List.of(p.kafka(n), p.kafkaController(n)));
		}
		for (int n = 1; n <= ctx.instances(); n++) {
			ports.addAll(java.util.List.of(Ports.instance(p.directory(), n), Ports.instance(p.matching(), n),
					Ports.instance(p.metrics(), n)));
		}
		return ports;
	}

	@Test
	void environmentVariablesOverrideEachPort() {
		Map<String, String> env = Map.of("WRD_ELASTICSEARCH_PORT", "9201", "WRD_TEST_GATEWAY_PORT", "9999");
		assertThat(Ports.forStack("dev", env::get).elasticsearch()).isEqualTo(9201);
		assertThat(Ports.forStack("test", env::get).gateway()).isEqualTo(9999);
		assertThat(Ports.forStack("test", env::get).elasticsearch()).isEqualTo(29200);
		assertThat(Ports.forStack("scale", Map.of("WRD_SCALE_KAFKA_PORT", "21092")::get).kafka(3)).isEqualTo(21112);
	}

	@Test
	void aBadOverrideIsNamed() {
		assertThatThrownBy(() -> Ports.forStack("dev", Map.of("WRD_KAFKA_PORT", "99999")::get))
			.isInstanceOf(DevstackException.class)
			.hasMessageContaining("WRD_KAFKA_PORT");
	}

}
