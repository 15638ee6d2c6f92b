package org.workforcepathways.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.workforcepathways.devstack.Part;
import org.workforcepathways.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mixed load of at least 60 s through the gateway while directory-service, matching-service and metrics-service are
 * killed with SIGKILL in turn, each started again before the next dies. Afterwards every acknowledged seat update,
 * client and referral is stored, and every search answered is counted once in the campaign report.
 */
class KillInTurnIT {

	private static final Duration LOAD = Duration.ofSeconds(60);

	@Test
	void killingEachServiceInTurnUnderLoadLosesNothingAndCountsEverySearchOnce() throws Exception {
		Suite.gateway();
		String staff = Tokens.accessToken("city.staff@demo.wrd");
		long before = WalkingSkeletonIT.settledCount(staff);
		String caseManager = "Bearer " + Tokens.accessToken("case.manager@demo.wrd");
		long searches;
		long cutOff;
		long t0 = System.nanoTime();
		try (MixedLoad load = new MixedLoad(Suite.gateway(), "Bearer " + Tokens.accessToken("jobseeker@demo.wrd"),
				"Bearer " + Tokens.accessToken("admin@demo.wrd"), caseManager)) {
			for (String service : List.of("directory-service", "matching-service", "metrics-service")) {
				Thread.sleep(5000);
				Part part = Suite.stack().part(service);
				long k = System.nanoTime();
				assertThat(part.kill()).as(service + " was running").isTrue();
				load.killed();
				assertThat(part.start()).as(service + " started again").isTrue();
				part.awaitHealthy();
				System.out.printf("[kill-in-turn] %s killed and healthy again after %.1f s%n", service,
						(System.nanoTime() - k) / 1e9);
			}
			long left = LOAD.toNanos() - (System.nanoTime() - t0);
			Thread.sleep(Duration.ofNanos(Math.max(left, Duration.ofSeconds(10).toNanos())));
			load.stop();
			// a service that is down is reported as 503 by the gateway, never as another error
			System.out.printf("[kill-in-turn] %d requests refused with 503 while a service was down%n", load.failures());
			load.assertEveryAcknowledgedWriteStored(caseManager);
			searches = load.searchesAnswered();
			cutOff = load.searchesCutOff();
		}
		System.out.printf("[kill-in-turn] load ran %.0f s%n", (System.nanoTime() - t0) / 1e9);
		assertThat(System.nanoTime() - t0).as("load duration").isGreaterThanOrEqualTo(LOAD.toNanos());

		// a search refused while directory-service was down never happened; the one search in flight when it died (the
		// load sends one at a time) may have been recorded before its answer was lost, so it may count
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
			.until(() -> WalkingSkeletonIT.searchesCounted(staff) >= before + searches);
		long counted = WalkingSkeletonIT.settledCount(staff) - before;
		System.out.printf("[kill-in-turn] %d searches answered, %d not, %d counted%n", searches, cutOff, counted);
		assertThat(counted).as("searches counted in the report").isBetween(searches, searches + 1);
	}

}
