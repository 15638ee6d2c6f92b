package org.workforcepathways.devstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

	@Test
	void devAndTestStacksNeverShareAPort() {
		Ports dev = Ports.forStack("dev", k -> null);
		Ports test = Ports.forStack("test", k -> null);
		var devPorts = java.util.Set.of(dev.postgres(), dev.elasticsearch(), dev.kafka(), dev.kafkaController(),
				dev.keycloak(), dev.keycloakManagement(), dev.gateway(), dev.directory(), dev.matching(), dev.metrics());
		var testPorts = java.util.List.of(test.postgres(), test.elasticsearch(), test.kafka(), test.kafkaController(),
				test.keycloak(), test.keycloakManagement(), test.gateway(), test.directory(), test.matching(),
				test.metrics());
		assertThat(devPorts).hasSize(10);
		assertThat(testPorts).doesNotHaveDuplicates().noneMatch(devPorts::contains);
		assertThat(dev.gateway()).isEqualTo(8080);
	}

	@Test
	void environmentVariablesOverrideEachPort() {
		Map<String, String> env = Map.of("WRD_ELASTICSEARCH_PORT", "9201", "WRD_TEST_GATEWAY_PORT", "9999");
		assertThat(Ports.forStack("dev", env::get).elasticsearch()).isEqualTo(9201);
		assertThat(Ports.forStack("test", env::get).gateway()).isEqualTo(9999);
		assertThat(Ports.forStack("test", env::get).elasticsearch()).isEqualTo(29200);
	}

	@Test
	void aBadOverrideIsNamed() {
		assertThatThrownBy(() -> Ports.forStack("dev", Map.of("WRD_KAFKA_PORT", "99999")::get))
			.isInstanceOf(DevstackException.class)
			.hasMessageContaining("WRD_KAFKA_PORT");
	}

}
