package org.workforcepathways.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Browser tests need Debian's chromium and chromium-driver. When they are missing and this runs as root on a
 * machine with apt-get, they are installed (as the design allows); otherwise the tests fail saying how to install
 * them. They are never skipped.
 */
final class BrowserInstall {

	private static boolean checked;

	private BrowserInstall() {
	}

	static synchronized void ensure() {
		if (checked || present()) {
			checked = true;
			return;
		}
		boolean root = "root".equals(System.getProperty("user.name"));
		boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
		if (!root || !apt || "no".equals(System.getenv("WRD_INSTALL_BROWSER"))) {
			throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
					+ Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + "). Install them with: "
					+ "sudo apt-get install -y chromium chromium-driver");
		}
		System.out.println("[browser] installing Debian's chromium and chromium-driver with apt-get ...");
		run(List.of("apt-get", "update", "-qq"));
		run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver",
				"fonts-liberation"));
		if (!present()) {
			throw new IllegalStateException("apt-get finished but " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
					+ " is still missing");
		}
		System.out.println("[browser] chromium installed");
		checked = true;
	}

	private static boolean present() {
		return Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER);
	}

	private static void run(List<String> command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
			builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
			int exit = builder.start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(String.join(" ", command), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
