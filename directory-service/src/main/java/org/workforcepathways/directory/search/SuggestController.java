package org.workforcepathways.directory.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Type-ahead: listing titles, organizations, occupations and categories with a word starting with each word typed so
 * far. One request to the index: the titles are hits, the others come from aggregations over the matching documents.
 */
@RestController
@RequestMapping("/api/directory")
class SuggestController {

	/** Suggestion type -> the field whose words are matched, and the keyword field whose values are suggested. */
	private enum Source {

		ORGANIZATION("organization.prefix", "organization.raw"), OCCUPATION("occupationTitles.prefix",
				"occupationTitles.raw"), CATEGORY("categories.prefix", "categories");

		final String prefixField;

		final String valueField;

		Source(String prefixField, String valueField) {
			this.prefixField = prefixField;
			this.valueField = valueField;
		}

		String type() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final int PER_OTHER_TYPE = 2;

	private final ElasticsearchClient client;

	private final ListingIndex index;

	SuggestController(ElasticsearchClient client, ListingIndex index) {
		this.client = client;
		this.index = index;
	}

	/** @param suggestions titles first, then organizations, occupations and categories */
	record Suggestions(List<Suggestion> suggestions) {

	}

	/**
	 * @param type listing, organization, occupation or category
	 * @param id the listing to open, for type listing
	 */
	record Suggestion(String text, String type, String kind, String id) {

	}

	/** The part of a listing document type-ahead reads. */
	record Titled(String serviceId, String title, String kind) {

	}

	@GetMapping("/suggest")
	@Operation(summary = "Type-ahead: titles, organizations, occupations and categories for what has been typed")
	Suggestions suggest(
			@RequestParam("q") @NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") String q,
			@RequestParam(name = "size", defaultValue = "8") @Min(value = 1, message = "must be at least 1") @Max(
					value = 20, message = "must be at most 20") int size)
			throws IOException {
		String text = QueryText.normalize(q);
		if (text.isEmpty()) {
			return new Suggestions(List.of());
		}
		var response = client.search(s -> {
			s.index(index.alias())
				.size(size * 2)
				.source(src -> src.filter(f -> f.includes("serviceId", "title", "kind")))
				.query(qq -> qq.bool(b -> {
					b.should(sh -> sh.match(m -> m.field("title.prefix").query(text).operator(Operator.And)));
					b.should(sh -> sh.match(m -> m.field("title").query(text).boost(2f)));
					for (Source source : Source.values()) {
						b.should(sh -> sh.match(m -> m.field(source.prefixField).query(text).operator(Operator.And)));
					}
					return b.minimumShouldMatch("1");
				}));
			for (Source source : Source.values()) {
				s.aggregations(source.type(), Aggregation.of(a -> a
					.filter(Query.of(f -> f.match(m -> m.field(source.prefixField).query(text).operator(Operator.And))))
					.aggregations("values", v -> v.terms(t -> t.field(source.valueField).size(20)))));
			}
			return s;
		}, Titled.class);

		List<Suggestion> others = new ArrayList<>();
		for (Source source : Source.values()) {
			Aggregate values = response.aggregations().get(source.type()).filter().aggregations().get("values");
			values.sterms()
				.buckets()
				.array()
				.stream()
				.map(b -> b.key().stringValue())
				.filter(value -> startsEveryWord(value, text))
				.limit(PER_OTHER_TYPE)
				.forEach(value -> others.add(new Suggestion(value, source.type(), null, null)));
		}
		Set<String> seen = new LinkedHashSet<>();
		List<Suggestion> suggestions = new ArrayList<>();
		response.hits()
			.hits()
			.stream()
			.map(h -> h.source())
			.filter(d -> d.title() != null && seen.add(d.title().toLowerCase(Locale.ROOT)))
			.limit(Math.max(1, size - others.size()))
			.forEach(d -> suggestions.add(new Suggestion(d.title(), "listing", d.kind(), d.serviceId())));
		others.stream().limit(size - suggestions.size()).forEach(suggestions::add);
		return new Suggestions(suggestions);
	}

	/** True when each typed word starts a word of the value, ignoring case and accents. */
	static boolean startsEveryWord(String value, String typed) {
		List<String> words = Arrays.asList(fold(value).split("[^\\p{Alnum}]+"));
		return Arrays.stream(fold(typed).split("[^\\p{Alnum}]+"))
			.filter(w -> !w.isEmpty())
			.allMatch(w -> words.stream().anyMatch(v -> v.startsWith(w)));
	}

	private static String fold(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
