package org.workforcepathways.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.workforcepathways.devstack.Ports;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.ServiceProcess;
import org.workforcepathways.testsupport.TestEngines;
import org.workforcepathways.testsupport.Tokens;


/**
 * Two instances each of directory-service and matching-service behind one gateway (the suite's instance and a
 * second one started here on the same databases); under a load of searches, seat updates and new clients, the second
 * instance of each is killed with SIGKILL. Searches never fail, the survivor takes every request from then on, and
 * every acknowledged write is stored.
 */
class ScaleOutIT {

	private static final int DIRECTORY_2 = 18281;

	private static final int MATCHING_2 = 18282;

	private static final int GATEWAY_2 = 18280;

	private static final Duration BEFORE_KILL = Duration.ofSeconds(8);

	private static final Duration AFTER_KILL = Duration.ofSeconds(10);

	@Test
	void killingOneInstanceOfEachServiceUnderLoadLosesNothingAndServiceContinues() throws Exception {
		Suite.gateway();
		Engines engines = TestEngines.get();
		Ports ports = Suite.stack().context().ports();
		Path root = Path.of("..").toAbsolutePath().normalize();
		Path logs = root.resolve("e2e-tests/target/scale-out");
		String here = "http://127.0.0.1:";

		Map<String, String> matchingProperties = new LinkedHashMap<>(engines.serviceProperties("matching"));
		matchingProperties.put("spring.http.serviceclient.directory.base-url", here + ports.directory());
		Map<String, String> gatewayProperties = new LinkedHashMap<>();
		gatewayProperties.put("wrd.gateway.directory-uri", here + ports.directory() + "," + here + DIRECTORY_2);
		gatewayProperties.put("wrd.gateway.matching-uri", here + ports.matching() + "," + here + MATCHING_2);
		gatewayProperties.put("wrd.gateway.metrics-uri", here + ports.metrics());
		gatewayProperties.put("wrd.gateway.keycloak.issuer", engines.issuer());

		try (ServiceProcess directory2 = ServiceProcess.of(root, "directory-service", DIRECTORY_2, "384m",
				engines.serviceProperties("directory"), logs.resolve("directory-service-2.log"));
				ServiceProcess matching2 = ServiceProcess.of(root, "matching-service", MATCHING_2, "320m",
						matchingProperties, logs.resolve("matching-service-2.log"));
				ServiceProcess gateway2 = ServiceProcess.of(root, "gateway", GATEWAY_2, "320m", gatewayProperties,
						logs.resolve("gateway-2.log"))) {
			for (ServiceProcess s : List.of(directory2, matching2, gateway2)) {
				s.start(Duration.ofMinutes(3), t -> System.out.println("[scale-out] starting, " + t + " s"));
			}
			Thread.sleep(3000); // the gateway's first health round finds both instances of each

			String gateway = gateway2.url();
			try (MixedLoad load = new MixedLoad(gateway, "Bearer " + Tokens.accessToken("jobseeker@demo.wrd"),
					"Bearer " + Tokens.accessToken("admin@demo.wrd"), "Bearer " + Tokens.accessToken("case.manager@demo.wrd"))) {
				Thread.sleep(BEFORE_KILL);
				directory2.kill();
				matching2.kill();
				load.killed();
				System.out.println("[scale-out] killed the second directory-service and matching-service with SIGKILL");
				Thread.sleep(AFTER_KILL);
				load.stop();
				load.assertOnlyCutOffRequestsFailed(3, 50);
				load.assertEveryAcknowledgedWriteStored("Bearer " + Tokens.accessToken("case.manager@demo.wrd"));
			}
		}
	}

}
