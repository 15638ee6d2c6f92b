package org.workforcepathways.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, status and stop of a part, on a real process tree (a shell that starts a child). */
class PartTest {

	@TempDir
	Path root;

	/** A part whose process is a shell with a child that ignores SIGTERM, like an engine that is slow to stop. */
	final class Sleeper extends Part {

		private final int port;

		private final boolean healthy;

		Sleeper(StackContext ctx, int port, boolean healthy) {
			super(ctx, "sleeper");
			this.port = port;
			this.healthy = healthy;
		}

		@Override
		public int port() {
			return port;
		}

		@Override
		public String url() {
			return "-";
		}

		@Override
		protected Launch prepare() {
			// the marker (the devstack path) must be on the command line, as for every real part
			return new Launch(List.of("/bin/sh", "-c", "sleep 300 & wait; : " + ctx.layout().devstack()), root,
					Map.of(), false);
		}

		@Override
		public boolean healthy() {
			return healthy;
		}

		@Override
		protected Duration startTimeout() {
			return Duration.ofSeconds(2);
		}

	}

	private StackContext context() throws Exception {
		Files.writeString(root.resolve("wrd"), "");
		Files.writeString(root.resolve("pom.xml"), "");
		return new StackContext(new Layout(root, root.resolve(".devstack")), "unit", k -> null);
	}

	@Test
	void downStopsTheWholeProcessTreeAndForgetsThePid() throws Exception {
		Sleeper part = new Sleeper(context(), freePort(), true);

		assertThat(part.start()).isTrue();
		assertThat(part.start()).as("a second start starts nothing").isFalse();
		ProcessHandle process = part.process().orElseThrow();
		Thread.sleep(300);
		List<ProcessHandle> children = process.descendants().toList();
		assertThat(children).isNotEmpty();

		assertThat(part.stop()).isTrue();

		assertThat(process.isAlive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
		assertThat(part.running()).isFalse();
		assertThat(part.stop()).as("nothing left to stop").isFalse();
	}

	@Test
	void aBusyPortIsReportedByName() throws Exception {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			Sleeper part = new Sleeper(context(), socket.getLocalPort(), true);
			assertThatThrownBy(part::start).isInstanceOf(DevstackException.class)
				.hasMessageContaining("sleeper: port " + socket.getLocalPort() + " is busy")
				.hasMessageContaining("WRD_SLEEPER_PORT");
		}
	}

	@Test
	void aPartThatNeverGetsHealthyFailsNamingItsLog() throws Exception {
		Sleeper part = new Sleeper(context(), freePort(), false);
		part.start();
		try {
			assertThatThrownBy(part::awaitHealthy).isInstanceOf(DevstackException.class)
				.hasMessageContaining("sleeper did not become healthy within 2 s")
				.hasMessageContaining(part.logFile().toString());
		}
		finally {
			part.stop();
		}
	}

	private static int freePort() throws Exception {
		try (var s = new java.net.ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

}
