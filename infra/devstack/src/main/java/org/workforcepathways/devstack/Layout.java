package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where things are: the repository root (found by walking up to the {@code wrd} launcher) and the git-ignored
 * {@code .devstack/} folder that holds every engine's data, logs and pid files. {@code WRD_DEVSTACK_DIR} moves it.
 */
public record Layout(Path root, Path devstack) {

	public static Layout discover() {
		Path start = Optional.ofNullable(System.getenv("WRD_ROOT")).map(Path::of).orElse(Path.of("").toAbsolutePath());
		Path root = findRoot(start.toAbsolutePath())
			.orElseThrow(() -> new DevstackException("Cannot find the Workforce Pathways checkout (a folder with "
					+ "'wrd' and 'pom.xml') above " + start + ". Run from inside the checkout or set WRD_ROOT."));
		Path devstack = Optional.ofNullable(System.getenv("WRD_DEVSTACK_DIR"))
			.map(Path::of)
			.orElse(root.resolve(".devstack"))
			.toAbsolutePath();
		return new Layout(root, devstack);
	}

	static Optional<Path> findRoot(Path from) {
		for (Path p = from; p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("wrd")) && Files.isRegularFile(p.resolve("pom.xml"))) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}

	/** Unpacked engine distributions, shared by all stacks. */
	public Path engines() {
		return devstack.resolve("engines");
	}

	public Path stack(String name) {
		return devstack.resolve(name);
	}

	public static Path mkdirs(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
