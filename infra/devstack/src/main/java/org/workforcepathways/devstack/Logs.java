package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a log file without loading it whole. */
final class Logs {

	private Logs() {
	}

	static String tail(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return "(no log yet)";
		}
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			long from = Math.max(0, length - 64 * 1024);
			raf.seek(from);
			byte[] bytes = new byte[(int) (length - from)];
			raf.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

}
