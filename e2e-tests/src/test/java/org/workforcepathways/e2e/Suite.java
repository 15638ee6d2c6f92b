package org.workforcepathways.e2e;

import org.workforcepathways.devstack.Stack;
import org.workforcepathways.testsupport.Engines;
import org.workforcepathways.testsupport.TestEngines;

/**
 * The four services, started once for all end-to-end test classes from their jars (as {@code ./wrd up} starts
 * them) against the test engines, and stopped when the test JVM ends.
 */
final class Suite {

	private static Stack stack;

	private Suite() {
	}

	static synchronized Stack stack() {
		if (stack == null) {
			Engines engines = TestEngines.get();
			Stack s = Stack.named("test");
			s.downServices(); // a run that died may have left some behind
			engines.database("directory");
			engines.database("matching");
			s.upServices(new Stack.Endpoints(engines.postgresUrl(), engines.elasticsearchUrl(), engines.kafkaBootstrap(),
					engines.keycloakUrl()), line -> System.out.println("[wrd] " + line.strip()));
			Runtime.getRuntime().addShutdownHook(new Thread(s::downServices, "e2e-services-down"));
			stack = s;
		}
		return stack;
	}

	static String gateway() {
		return "http://localhost:" + stack().context().ports().gateway();
	}

}
