package org.workforcepathways.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder (the one holding ./wrd), wherever the tests run from. */
final class Repository {

	private Repository() {
	}

	static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("wrd")) && Files.isDirectory(dir.resolve("docs"))) {
				return dir;
			}
		}
		throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
	}

}
