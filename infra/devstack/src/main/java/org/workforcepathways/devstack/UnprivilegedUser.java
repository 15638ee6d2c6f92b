package org.workforcepathways.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Elasticsearch and PostgreSQL refuse to run as root. When the launcher runs as root it runs them as the system user
 * {@code wrd} (created if missing), and gives that user the folders they write to.
 */
public final class UnprivilegedUser {

	static final String NAME = "wrd";

	private final boolean root;

	private UnprivilegedUser(boolean root) {
		this.root = root;
	}

	static UnprivilegedUser forCurrentProcess(Layout layout) {
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root) {
			if (run(List.of("id", "-u", NAME)) != 0) {
				int rc = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
				if (rc != 0 && run(List.of("id", "-u", NAME)) != 0) {
					throw new DevstackException("Running as root, so Elasticsearch and PostgreSQL must run as another "
							+ "user, but creating the user '" + NAME + "' failed (useradd exit " + rc + "). "
							+ "Create it yourself or run ./wrd as a normal user.");
				}
			}
			Layout.mkdirs(layout.devstack());
			if (run(List.of("/usr/bin/setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--clear-groups", "test", "-r",
					layout.devstack().toString())) != 0) {
				throw new DevstackException("The user '" + NAME + "' cannot reach " + layout.devstack() + " (a parent "
						+ "folder is not readable by others). Set WRD_DEVSTACK_DIR to a folder it can reach, "
						+ "e.g. /var/tmp/wrd, or run ./wrd as a normal user.");
			}
		}
		return new UnprivilegedUser(root);
	}

	/** The prefix that runs a command as the unprivileged user; empty when we are not root. */
	List<String> wrap() {
		if (!root) {
			return List.of();
		}
		return List.of("/usr/bin/setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--clear-groups", "--");
	}

	/** Hands a folder (recursively) to the unprivileged user; nothing to do when we are not root. */
	void own(Path dir) {
		if (root) {
			Layout.mkdirs(dir);
			int rc = run(List.of("chown", "-R", NAME + ":" + NAME, dir.toString()));
			if (rc != 0) {
				throw new DevstackException("chown of " + dir + " to '" + NAME + "' failed (exit " + rc + ")");
			}
		}
	}

	/** Runs a short command as the unprivileged user and fails with its output when it fails. */
	void runAs(List<String> command, Path workDir, Path log) {
		List<String> full = new ArrayList<>(wrap());
		full.addAll(command);
		Shell.run(full, workDir, log);
	}

	private static int run(List<String> command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return p.waitFor();
		}
		catch (IOException ex) {
			return 127;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

}
