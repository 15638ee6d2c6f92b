package org.workforcepathways.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs a short preparation command (unpack, initdb, format) to completion, its output appended to a log. */
final class Shell {

	private Shell() {
	}

	static void run(List<String> command, Path workDir, Path log) {
		run(command, workDir, log, java.util.Map.of());
	}

	static void run(List<String> command, Path workDir, Path log, java.util.Map<String, String> env) {
		Layout.mkdirs(log.getParent());
		try {
			ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			pb.environment().putAll(env);
			Process p = pb.start();
			int rc = p.waitFor();
			if (rc != 0) {
				throw new DevstackException("'" + String.join(" ", command) + "' failed with exit " + rc + ". Log: " + log
						+ "; last lines:\n" + Logs.tail(log, 15).indent(4));
			}
		}
		catch (IOException ex) {
			throw new DevstackException("could not run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DevstackException("interrupted");
		}
	}

}
