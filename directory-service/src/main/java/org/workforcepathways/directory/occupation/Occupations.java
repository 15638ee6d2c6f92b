package org.workforcepathways.directory.occupation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** O*NET-SOC occupation titles (O*NET 29.0, CC BY 4.0), so listings can be found by the jobs they lead to. */
@Component
public class Occupations {

	private final Map<String, String> titles = new HashMap<>();

	Occupations() {
		try (var in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("onet/occupation-titles.csv").getInputStream(), StandardCharsets.UTF_8))) {
			in.lines().skip(1).forEach(line -> {
				int comma = line.indexOf(',');
				titles.put(line.substring(0, comma), unquote(line.substring(comma + 1)));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String unquote(String s) {
		return s.startsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
	}

	/** Titles of the codes that are known, in order; unknown codes are left out. */
	public List<String> titles(List<String> codes) {
		return codes.stream().map(titles::get).filter(Objects::nonNull).toList();
	}

	public boolean isKnown(String code) {
		return titles.containsKey(code);
	}

}
