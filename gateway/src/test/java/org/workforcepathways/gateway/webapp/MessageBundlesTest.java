package org.workforcepathways.gateway.webapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the web app is in an English and a Spanish bundle: both languages hold the same keys with real
 * texts and the same placeholders, and every key a page names in its HTML or its code exists. Keys built at run time
 * (an API's enum value appended to a prefix) are caught by the browser tests instead, which fail on any key a page
 * could not find.
 */
class MessageBundlesTest {

	static final Path STATIC = Path.of("src/main/resources/static");

	static final List<String> LANGUAGES = List.of("en", "es");

	static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]+)\"");

	static final Pattern CODE_KEY = Pattern.compile("\\btn?\\(\\s*'([^'$]+)'\\s*[,)]");

	static final Pattern PAGE_BUNDLE = Pattern.compile("bundle:\\s*'([a-z-]+)'");

	static final Pattern PAGE_SCRIPT = Pattern.compile("src=\"/js/pages/([a-z-]+)\\.js\"");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final ObjectMapper json = JsonMapper.builder().build();

	private Map<String, String> bundle(String language, String name) throws IOException {
		return json.readValue(STATIC.resolve("i18n").resolve(language).resolve(name + ".json").toFile(),
				new TypeReference<>() {
				});
	}

	private static List<String> bundleNames() throws IOException {
		try (Stream<Path> files = Files.list(STATIC.resolve("i18n/en"))) {
			return files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
		}
	}

	@Test
	void englishAndSpanishHoldTheSameKeysWithTextsAndPlaceholders() throws IOException {
		List<String> problems = new ArrayList<>();
		assertThat(bundleNames()).contains("common", "search", "listing");
		for (String name : bundleNames()) {
			Map<String, String> english = bundle("en", name);
			Map<String, String> spanish = bundle("es", name);
			for (String key : union(english.keySet(), spanish.keySet())) {
				String en = english.get(key);
				String es = spanish.get(key);
				if (en == null || es == null) {
					problems.add(name + ": " + key + " only in " + (en == null ? "es" : "en"));
				}
				else if (en.isBlank() || es.isBlank()) {
					problems.add(name + ": " + key + " is empty");
				}
				else if (!placeholders(en).equals(placeholders(es))) {
					problems.add(name + ": " + key + " has placeholders " + placeholders(en) + " in en, "
							+ placeholders(es) + " in es");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyAPageNamesIsInItsBundles() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> pages = Files.list(STATIC)) {
			for (Path html : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
				String markup = Files.readString(html);
				Matcher script = PAGE_SCRIPT.matcher(markup);
				assertThat(script.find()).as("%s loads a page module", html).isTrue();
				Path module = STATIC.resolve("js/pages/" + script.group(1) + ".js");
				String code = Files.readString(module);
				Matcher bundle = PAGE_BUNDLE.matcher(code);
				assertThat(bundle.find()).as("%s names its bundle", module).isTrue();
				for (String language : LANGUAGES) {
					Set<String> known = union(bundle(language, "common").keySet(),
							bundle(language, bundle.group(1)).keySet());
					Set<String> used = union(keys(HTML_KEY, markup), keys(CODE_KEY, code));
					used.addAll(keys(CODE_KEY, shared()));
					for (String key : used) {
						if (!known.contains(key) && !known.contains(key + ".one")) {
							problems.add(language + ": " + html.getFileName() + " uses " + key);
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The shared modules' texts (header, charts, formats) must be in every page's bundles: common, in effect. */
	private static String shared() throws IOException {
		StringBuilder all = new StringBuilder();
		try (Stream<Path> core = Files.list(STATIC.resolve("js/core"))) {
			for (Path file : core.sorted().toList()) {
				all.append(Files.readString(file)).append('\n');
			}
		}
		return all.toString();
	}

	private static Set<String> keys(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Set<String> placeholders(String text) {
		return keys(PLACEHOLDER, text);
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

}
