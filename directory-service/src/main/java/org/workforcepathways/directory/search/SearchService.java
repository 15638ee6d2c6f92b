package org.workforcepathways.directory.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;

import org.springframework.stereotype.Service;

import org.workforcepathways.directory.engagement.EngagementPublisher;

/** Runs a search on the index alias and reports it as an engagement event. */
@Service
class SearchService {

	private final ElasticsearchClient client;

	private final ListingIndex index;

	private final EngagementPublisher engagement;

	SearchService(ElasticsearchClient client, ListingIndex index, EngagementPublisher engagement) {
		this.client = client;
		this.index = index;
		this.engagement = engagement;
	}

	SearchResults search(SearchQuery query) throws IOException {
		SearchResponse<ListingDocument> response = client.search(s -> {
			s.index(index.alias()).size(query.size()).trackTotalHits(t -> t.enabled(true));
			if (query.text().isEmpty()) {
				s.query(Query.of(q -> q.matchAll(m -> m))).sort(o -> o.field(f -> f.field("title.raw").order(SortOrder.Asc)));
			}
			else {
				// match queries take the words as text, never as query syntax: "welding AND (" is just words.
				// The first clause brings synonyms and stemming; typos and prefixes help when it finds little.
				String text = query.text();
				s.query(q -> q.bool(b -> b
					.should(sh -> sh.multiMatch(m -> m.query(text)
						.fields("title^3", "title.es^2", "organization^2", "categories.text^2", "description", "description.es")
						.type(TextQueryType.BestFields)))
					.should(sh -> sh.multiMatch(m -> m.query(text)
						.fields("title^2", "organization", "description")
						.analyzer("wrd_text")
						.fuzziness("AUTO")
						.prefixLength(1)
						.boost(0.5f)))
					.should(sh -> sh.match(m -> m.field("title.prefix").query(text).boost(0.3f)))
					.minimumShouldMatch("1")))
					.highlight(h -> h.fields(NamedValue.of("title", HighlightField.of(f -> f)))
						.fields(NamedValue.of("description", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(1)))));
			}
			return s;
		}, ListingDocument.class);
		long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
		List<SearchResults.Result> results = response.hits().hits().stream().map(SearchService::toResult).toList();
		engagement.searchPerformed(query.text(), total, Map.of(), query.campaign());
		return new SearchResults(total, results);
	}

	private static SearchResults.Result toResult(Hit<ListingDocument> hit) {
		ListingDocument d = hit.source();
		return new SearchResults.Result(d.id(), d.kind(), d.title(), d.organization(), d.city(), d.zip(), d.free(),
				d.categories(), d.sample(), hit.highlight());
	}

}
