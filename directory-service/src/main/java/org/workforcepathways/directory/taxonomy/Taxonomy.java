package org.workforcepathways.directory.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The directory's taxonomy (categories), from {@code taxonomy/terms.csv}, with English and Spanish names. */
@Component
public class Taxonomy {

	/** A taxonomy term; {@code code} is what listings carry in {@code categories}. */
	public record Term(@JsonProperty("code") String code, @JsonProperty("parent") @Nullable String parent,
			@JsonProperty("name_en") String nameEn, @JsonProperty("name_es") String nameEs,
			@JsonProperty("description") String description) {

		public Term {
			// an empty cell in terms.csv is a top-level term
			parent = parent == null || parent.isBlank() ? null : parent;
		}

	}

	private final Map<String, Term> terms = new LinkedHashMap<>();

	Taxonomy() {
		CsvMapper csv = new CsvMapper();
		try (InputStream in = new ClassPathResource("taxonomy/terms.csv").getInputStream();
				var rows = csv.readerFor(Term.class).with(CsvSchema.emptySchema().withHeader()).<Term>readValues(in)) {
			rows.forEachRemaining(t -> terms.put(t.code(), t));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean exists(String code) {
		return terms.containsKey(code);
	}

	public List<Term> all() {
		return List.copyOf(terms.values());
	}

}
