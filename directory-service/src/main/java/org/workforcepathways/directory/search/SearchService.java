package org.workforcepathways.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.engagement.EngagementPublisher;
import org.workforcepathways.directory.geo.ZipCentroids.Point;
import org.workforcepathways.platform.InvalidInputException;

/**
 * Runs a search on the index alias: text (synonyms, stems, typos, prefixes), filters, distance, facets and cursor
 * paging; answers with a relaxed result rather than an empty page when filters exclude everything; reports each
 * search as an engagement event.
 */
@Service
class SearchService {

	/** Facet name -> indexed field. */
	private static final Map<String, String> TERM_FACETS = Map.of("kind", "kind", "category", "categories", "schedule",
			"schedule", "language", "languages", "credential", "credential.raw");

	private static final String ALL_WORDS = "all-words";

	private static final float ALL_WORDS_BOOST = 2f;

	private final ElasticsearchClient client;

	private final ListingIndex index;

	private final EngagementPublisher engagement;

	private final JsonMapper json;

	private final DirectoryProperties.Ranking ranking;

	SearchService(ElasticsearchClient client, ListingIndex index, EngagementPublisher engagement, JsonMapper json,
			DirectoryProperties properties) {
		this.client = client;
		this.index = index;
		this.engagement = engagement;
		this.json = json;
		this.ranking = properties.ranking();
	}

	SearchResults search(SearchQuery query, @Nullable String sessionId) throws IOException {
		SearchResults results = run(query, false);
		if (results.didYouMean() != null && query.cursor() == null && (results.total() < 3 || !results.firstMatchesAllWords())) {
			// "machinst training": show what the corrected words find, and say so
			SearchResults corrected = run(query.withText(results.didYouMean()), false);
			if (corrected.total() > results.total() && results.total() < 3
					|| corrected.firstMatchesAllWords() && !results.firstMatchesAllWords()) {
				results = corrected.correctedTo(results.didYouMean());
			}
		}
		if (results.total() == 0 && query.hasFilters() && query.cursor() == null) {
			SearchResults relaxed = run(query.withoutFilters(), true);
			if (relaxed.total() > 0) {
				results = new SearchResults(relaxed.total(), relaxed.results(), relaxed.facets(), relaxed.nextCursor(),
						results.didYouMean(), null, true, query.filters());
			}
		}
		engagement.searchPerformed(query.text(), results.relaxed() ? 0 : results.total(), query.filters(),
				query.campaign(), sessionId);
		return results;
	}

	private SearchResults run(SearchQuery query, boolean relaxed) throws IOException {
		List<FieldValue> after = decodeCursor(query.cursor());
		SearchRequest request = SearchRequest.of(s -> {
			s.index(index.alias()).size(query.size()).trackTotalHits(t -> t.enabled(true)).query(ranked(query(query), query));
			s.sort(sort(query));
			if (!after.isEmpty()) {
				s.searchAfter(after);
			}
			TERM_FACETS.forEach((name, field) -> s.aggregations(name, a -> a.terms(t -> t.field(field).size(30))));
			s.aggregations("free", Aggregation.of(a -> a.filter(f -> f.term(t -> t.field("free").value(true)))));
			s.aggregations("openSeats", Aggregation.of(a -> a.filter(f -> f.range(r -> r.number(n -> n.field("seatsOpen").gte(1.0))))));
			if (!query.text().isEmpty()) {
				// marks the words as typed (with stems and synonyms) only: highlighting the whole ranked query, fuzzy
				// and all-words clauses included, made highlighting five times the cost of the search itself
				// (docs/benchmarks.md, "Search: gateway and directory-service against Elasticsearch alone")
				s.highlight(h -> h.highlightQuery(hq -> hq.multiMatch(mm -> mm.query(query.text()).fields("title", "description")))
					.fields(NamedValue.of("title", HighlightField.of(f -> f)))
					.fields(NamedValue.of("description", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(1)))));
				s.suggest(sg -> sg.text(query.text())
					// only words the directory does not hold at all get a correction
					.suggesters("spelling", su -> su.term(t -> t.field("words")
						.size(1)
						.suggestMode(co.elastic.clients.elasticsearch._types.SuggestMode.Missing)
						.minWordLength(4)
						.prefixLength(1)
						.maxEdits(2))));
			}
			return s;
		});
		SearchResponse<ListingDocument> response;
		try {
			response = client.search(request, ListingDocument.class);
		}
		catch (co.elastic.clients.elasticsearch._types.ElasticsearchException ex) {
			if (query.cursor() != null && ex.status() == 400) {
				throw new InvalidInputException("cursor", "does not fit this search (sort or filters changed)");
			}
			throw ex;
		}
		long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
		List<SearchResults.Result> results = response.hits().hits().stream().map(h -> toResult(h, query.point(), !query.text().isEmpty()))
			.toList();
		String next = null;
		if (results.size() == query.size() && !response.hits().hits().isEmpty()) {
			next = encodeCursor(response.hits().hits().get(response.hits().hits().size() - 1).sort());
		}
		String didYouMean = didYouMean(query.text(), response);
		return new SearchResults(total, results, facets(response.aggregations()), next, didYouMean, null, relaxed,
				Map.of());
	}

	/**
	 * Relevance x (1 + freshness + open seats + nearness): a strong text match stays on top, and among similar
	 * matches the fresher, open and nearer listing wins. Weights are configuration (directory.ranking).
	 */
	private Query ranked(Query base, SearchQuery q) {
		if (q.text().isEmpty() || q.sort() != SearchQuery.Sort.RELEVANCE) {
			return base;
		}
		List<FunctionScore> functions = new ArrayList<>();
		functions.add(FunctionScore.of(f -> f.weight(1.0)));
		if (ranking.freshnessWeight() > 0) {
			functions.add(FunctionScore.of(f -> f.gauss(g -> g.date(d -> d.field("updatedAt")
				.placement(p -> p.origin("now").scale(Time.of(t -> t.time(ranking.freshnessScaleDays() + "d"))).decay(0.5))))
				.weight(ranking.freshnessWeight())));
		}
		if (ranking.openSeatsWeight() > 0) {
			functions.add(FunctionScore.of(f -> f.filter(fl -> fl.range(r -> r.number(n -> n.field("seatsOpen").gte(1.0))))
				.weight(ranking.openSeatsWeight())));
		}
		if (ranking.nearnessWeight() > 0 && q.point() != null) {
			functions.add(FunctionScore.of(f -> f.gauss(g -> g.geo(geo -> geo.field("location")
				.placement(p -> p.origin(GeoLocation.of(l -> l.latlon(ll -> ll.lat(q.point().lat()).lon(q.point().lon()))))
					.scale(ranking.nearnessScaleMiles() + "mi")
					.decay(0.5))))
				.weight(ranking.nearnessWeight())));
		}
		return Query.of(root -> root.functionScore(fs -> fs.query(base)
			.functions(functions)
			.scoreMode(FunctionScoreMode.Sum)
			.boostMode(FunctionBoostMode.Multiply)));
	}

	private static Query query(SearchQuery q) {
		return Query.of(root -> root.bool(b -> {
			if (q.text().isEmpty()) {
				b.must(m -> m.matchAll(a -> a));
			}
			else {
				// match queries take the words as text, never as query syntax: "welding AND (" is just words.
				// The first clause brings synonyms and stemming; typos and prefixes help when it finds little.
				b.must(m -> m.bool(t -> t
					.should(sh -> sh.multiMatch(mm -> mm.query(q.text())
						.fields("title^3", "title.es^2", "organization^2", "categories.text^2", "credential^2",
								"occupationTitles^1.5", "description", "description.es")
						.type(TextQueryType.BestFields)))
					.should(sh -> sh.multiMatch(mm -> mm.query(q.text())
						.fields("title^2", "organization", "description")
						.analyzer("wrd_text")
						.fuzziness("AUTO")
						.prefixLength(1)
						.boost(0.5f)))
					.should(sh -> sh.match(mm -> mm.field("title.prefix").query(q.text()).boost(0.3f)))
					// every word (or a synonym) somewhere in the listing: ranks above some-words matches and tells
					// the page whether anything matched all of them
					.should(sh -> sh.multiMatch(mm -> mm.query(q.text())
						.fields("title", "description", "organization", "categories.text", "credential",
								"occupationTitles", "locationName")
						.type(TextQueryType.CrossFields)
						.operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)
						.analyzer("wrd_all_words")
						.boost(ALL_WORDS_BOOST)
						.queryName(ALL_WORDS)))
					.minimumShouldMatch("1")));
			}
			filters(q, b);
			return b;
		}));
	}

	private static void filters(SearchQuery q, BoolQuery.Builder b) {
		if (q.kind() != null) {
			b.filter(f -> f.term(t -> t.field("kind").value(q.kind())));
		}
		if (q.category() != null) {
			b.filter(f -> f.term(t -> t.field("categories").value(q.category())));
		}
		if (q.freeOnly()) {
			b.filter(f -> f.term(t -> t.field("free").value(true)));
		}
		for (String slot : q.schedule()) {
			b.filter(f -> f.term(t -> t.field("schedule").value(slot)));
		}
		if (q.language() != null) {
			b.filter(f -> f.term(t -> t.field("languages").value(q.language())));
		}
		if (q.credential() != null) {
			b.filter(f -> f.match(m -> m.field("credential").query(q.credential()).operator(
					co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
		}
		if (q.occupation() != null) {
			b.filter(f -> f.term(t -> t.field("occupations").value(q.occupation())));
		}
		if (q.openSeats()) {
			b.filter(f -> f.range(r -> r.number(n -> n.field("seatsOpen").gte(1.0))));
		}
		if (q.startsBefore() != null) {
			b.filter(f -> f.range(r -> r.date(d -> d.field("nextStart").lte(q.startsBefore().toString()))));
		}
		if (q.point() != null && q.radiusMiles() != null) {
			b.filter(f -> f.geoDistance(g -> g.field("location")
				.distance(q.radiusMiles() + "mi")
				.location(l -> l.latlon(ll -> ll.lat(q.point().lat()).lon(q.point().lon())))));
		}
	}

	private static List<SortOptions> sort(SearchQuery q) {
		List<SortOptions> sort = new ArrayList<>();
		switch (q.sort()) {
			case DISTANCE -> sort.add(SortOptions.of(s -> s.geoDistance(g -> g.field("location")
				.location(l -> l.latlon(ll -> ll.lat(q.point().lat()).lon(q.point().lon())))
				.order(SortOrder.Asc)
				.unit(co.elastic.clients.elasticsearch._types.DistanceUnit.Miles))));
			case START -> sort.add(SortOptions.of(s -> s.field(f -> f.field("nextStart").order(SortOrder.Asc).missing("_last"))));
			case RELEVANCE -> {
				if (q.text().isEmpty()) {
					sort.add(SortOptions.of(s -> s.field(f -> f.field("title.raw").order(SortOrder.Asc))));
				}
				else {
					sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
				}
			}
		}
		// a unique tie-breaker makes search_after pages exact
		sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
		return sort;
	}

	private static SearchResults.Result toResult(Hit<ListingDocument> hit, Point point, boolean text) {
		ListingDocument d = hit.source();
		Double miles = null;
		if (point != null && d.location() != null) {
			miles = Math.round(point.milesTo(d.location().lat(), d.location().lon()) * 10) / 10.0;
		}
		return new SearchResults.Result(d.id(), d.serviceId(), d.kind(), d.title(), d.organization(), d.locationName(),
				d.address(), d.city(), d.zip(), miles, !text || hit.matchedQueries().containsKey(ALL_WORDS), d.free(),
				d.cost(), d.nextStart(), d.seatsOpen(), d.schedule(), d.categories(), d.credential(), d.sample(),
				hit.highlight(), d.organizationId(), d.languages(), d.paid(), d.supports(), d.occupations(),
				d.durationWeeks(), d.minAge(), d.justiceInvolvedWelcome(), d.screener());
	}

	private static Map<String, Map<String, Long>> facets(Map<String, Aggregate> aggregations) {
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		for (String name : List.of("kind", "category", "schedule", "language", "credential")) {
			Map<String, Long> counts = new LinkedHashMap<>();
			aggregations.get(name).sterms().buckets().array().forEach(bucket -> counts.put(bucket.key().stringValue(),
					bucket.docCount()));
			facets.put(name, counts);
		}
		facets.put("cost", Map.of("free", aggregations.get("free").filter().docCount()));
		facets.put("openSeats", Map.of("true", aggregations.get("openSeats").filter().docCount()));
		return facets;
	}

	private static String didYouMean(String text, SearchResponse<ListingDocument> response) {
		if (text.isEmpty() || response.suggest() == null || !response.suggest().containsKey("spelling")) {
			return null;
		}
		String corrected = text;
		boolean changed = false;
		for (var suggestion : response.suggest().get("spelling")) {
			var term = suggestion.term();
			if (!term.options().isEmpty()) {
				corrected = corrected.replace(term.text(), term.options().get(0).text());
				changed = true;
			}
		}
		return changed && !corrected.equals(text) ? corrected : null;
	}

	private String encodeCursor(List<FieldValue> sortValues) {
		List<Object> values = new ArrayList<>();
		for (FieldValue v : sortValues) {
			values.add(switch (v._kind()) {
				case Double -> v.doubleValue();
				case Long -> v.longValue();
				case Boolean -> v.booleanValue();
				case Null -> null;
				default -> v._get().toString();
			});
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(values));
	}

	private List<FieldValue> decodeCursor(String cursor) {
		if (cursor == null) {
			return List.of();
		}
		try {
			JsonNode values = json.readTree(Base64.getUrlDecoder().decode(cursor));
			if (!values.isArray() || values.isEmpty() || values.size() > 4) {
				throw new IllegalArgumentException();
			}
			List<FieldValue> result = new ArrayList<>();
			for (JsonNode v : values) {
				result.add(v.isNull() ? FieldValue.NULL : v.isIntegralNumber() ? FieldValue.of(v.asLong())
						: v.isNumber() ? FieldValue.of(v.asDouble()) : v.isBoolean() ? FieldValue.of(v.asBoolean())
								: FieldValue.of(v.asString()));
			}
			return result;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidInputException("cursor", "is not a cursor this search gave out");
		}
	}

}
