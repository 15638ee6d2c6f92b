package org.workforcepathways.directory.search;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Type-ahead: listing titles and organizations that start with what has been typed so far. */
@RestController
@RequestMapping("/api/directory")
class SuggestController {

	private final ElasticsearchClient client;

	private final ListingIndex index;

	SuggestController(ElasticsearchClient client, ListingIndex index) {
		this.client = client;
		this.index = index;
	}

	/** @param suggestions distinct titles and organizations, best first */
	record Suggestions(List<Suggestion> suggestions) {

	}

	record Suggestion(String text, String kind, String id) {

	}

	/** The part of a listing document type-ahead reads. */
	record Titled(String id, String title, String kind) {

	}

	@GetMapping("/suggest")
	@Operation(summary = "Type-ahead suggestions for what has been typed so far")
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
		var response = client.search(s -> s.index(index.alias())
			.size(size * 2)
			.source(src -> src.filter(f -> f.includes("id", "title", "kind")))
			.query(qq -> qq.bool(b -> b.should(sh -> sh.match(m -> m.field("title.prefix").query(text).operator(
					co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)))
				.should(sh -> sh.match(m -> m.field("title").query(text).boost(2f)))
				.minimumShouldMatch("1"))), Titled.class);
		Set<String> seen = new LinkedHashSet<>();
		List<Suggestion> suggestions = response.hits()
			.hits()
			.stream()
			.map(h -> h.source())
			.filter(d -> seen.add(d.title().toLowerCase(java.util.Locale.ROOT)))
			.limit(size)
			.map(d -> new Suggestion(d.title(), d.kind(), d.id()))
			.toList();
		return new Suggestions(suggestions);
	}

}
