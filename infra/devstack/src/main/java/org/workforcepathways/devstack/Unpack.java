package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Unpacks an engine distribution once into a folder named after its version. It unpacks into a temporary folder and
 * renames it when complete, so an interrupted unpack is redone rather than half-used.
 */
final class Unpack {

	private Unpack() {
	}

	/**
	 * Returns {@code target}, unpacking with {@code how} (which fills the folder it is given) if it is not there yet.
	 */
	static synchronized Path once(Path target, Path log, Consumer<Path> how) {
		if (Files.isDirectory(target)) {
			return target;
		}
		Path tmp = target.resolveSibling(target.getFileName() + ".partial");
		deleteTree(tmp);
		Layout.mkdirs(tmp);
		how.accept(tmp);
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/** Unpacks a zip or tar archive with the system's tools, which keep file modes (bin/ must stay executable). */
	static void archive(Path archive, Path into, Path log) {
		String n = archive.getFileName().toString();
		List<String> cmd = n.endsWith(".zip") ? List.of("unzip", "-q", archive.toString(), "-d", into.toString())
				: n.endsWith(".txz") || n.endsWith(".tar.xz") ? List.of("tar", "-xJf", archive.toString(), "-C", into.toString())
						: List.of("tar", "-xzf", archive.toString(), "-C", into.toString());
		Shell.run(cmd, into, log);
	}

	/** The single top folder an archive unpacked into (distributions wrap everything in one). */
	static Path single(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			List<Path> entries = s.toList();
			return entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copies the first entry of a jar whose name ends with {@code suffix} to a file. */
	static Path entryOf(Path jar, String suffix, Path to) {
		try (JarFile jf = new JarFile(jar.toFile())) {
			var entry = jf.stream()
				.filter(e -> e.getName().endsWith(suffix))
				.findFirst()
				.orElseThrow(() -> new DevstackException(jar + " holds no *" + suffix));
			try (InputStream in = jf.getInputStream(entry)) {
				Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
			}
			return to;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
