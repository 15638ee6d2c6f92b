package org.workforcepathways.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.LocationRepository;
import org.workforcepathways.directory.listing.Organization;
import org.workforcepathways.directory.listing.OrganizationRepository;
import org.workforcepathways.directory.listing.ServiceAtLocation;
import org.workforcepathways.directory.occupation.Occupations;

/**
 * The search projection: an index template for {@code listings-v*} (analysis from the project's plugin, synonyms and
 * stem overrides from the files beside it), the current versioned index, and the alias that searches read. A mapping
 * change bumps the version: the new index is filled beside the old one and the alias flips only when it is ready.
 */
@Component
public class ListingIndex {

	private static final Logger log = LoggerFactory.getLogger(ListingIndex.class);

	private final ElasticsearchClient client;

	private final DirectoryProperties.Index index;

	private final JsonMapper json;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final Occupations occupations;

	private final org.workforcepathways.directory.screener.Screeners screeners;

	ListingIndex(ElasticsearchClient client, DirectoryProperties properties, JsonMapper json,
			OrganizationRepository organizations, LocationRepository locations, Occupations occupations,
			org.workforcepathways.directory.screener.Screeners screeners) {
		this.screeners = screeners;
		this.client = client;
		this.index = properties.index();
		this.json = json;
		this.organizations = organizations;
		this.locations = locations;
		this.occupations = occupations;
	}

	public String alias() {
		return index.alias();
	}

	/** Puts the index template, with the synonym and stem-override files filled in. Idempotent. */
	void putTemplate() throws IOException {
		ObjectNode template = (ObjectNode) json.readTree(read("elasticsearch/listings-template.json"));
		// how many shards and copies depends on the cluster, so it comes from configuration (directory.index.*)
		ObjectNode settings = (ObjectNode) template.at("/template/settings");
		settings.put("number_of_shards", index.shards());
		settings.put("number_of_replicas", index.replicas());
		ObjectNode filters = (ObjectNode) template.at("/template/settings/analysis/filter");
		fill((ArrayNode) filters.get("wrd_syn").get("synonyms"), read("elasticsearch/synonyms.txt"));
		fill((ArrayNode) filters.get("wrd_stem").get("overrides"), read("elasticsearch/stem-overrides.txt"));
		String body = json.writeValueAsString(template);
		client.indices()
			.putIndexTemplate(t -> t.name(index.alias()).indexPatterns(index.alias() + "-v*").withJson(new StringReader(body)));
	}

	private static void fill(ArrayNode into, String file) {
		file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(into::add);
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Gives the live index the configured number of replicas, which Elasticsearch changes without a rebuild. */
	void applyReplicas() throws IOException {
		client.indices()
			.putSettings(p -> p.index(index.alias()).settings(s -> s.numberOfReplicas(Integer.toString(index.replicas()))));
	}

	/** The concrete index the alias points at, if the alias exists. */
	Optional<String> aliasTarget() throws IOException {
		if (!client.indices().existsAlias(a -> a.name(index.alias())).value()) {
			return Optional.empty();
		}
		return client.indices().getAlias(a -> a.name(index.alias())).aliases().keySet().stream().findFirst();
	}

	/** True for an index built from this version of the template ({@code <alias>-v<version>-<millis>}). */
	boolean isCurrentVersion(String concrete) {
		return concrete.matches(Pattern.quote(index.concreteName()) + "(-\\d+)?");
	}

	/** Creates an empty index beside the one searches read, named for this template version and the time. */
	String createNewIndex() throws IOException {
		String name = index.concreteName() + "-" + System.currentTimeMillis();
		client.indices().create(c -> c.index(name));
		log.info("created search index {}", name);
		return name;
	}

	/** Points the alias at {@code concrete} in one step, then deletes the indices it no longer points at. */
	void pointAliasAt(String concrete) throws IOException {
		client.indices().refresh(r -> r.index(concrete));
		boolean exists = client.indices().existsAlias(a -> a.name(index.alias())).value();
		client.indices().updateAliases(u -> {
			if (exists) {
				u.actions(a -> a.remove(r -> r.index(index.alias() + "-v*").alias(index.alias())));
			}
			return u.actions(a -> a.add(ad -> ad.index(concrete).alias(index.alias())));
		});
		log.info("alias {} now points at {}", index.alias(), concrete);
		for (String old : client.indices().get(g -> g.index(index.alias() + "-v*")).indices().keySet()) {
			if (!old.equals(concrete)) {
				client.indices().delete(d -> d.index(old));
				log.info("deleted the previous search index {}", old);
			}
		}
	}

	/**
	 * Indexes listings into the alias (searches see them within the refresh interval): one document per location,
	 * and documents of locations a listing no longer has are deleted.
	 */
	public void index(List<Listing> listings) throws IOException {
		if (listings.isEmpty()) {
			return;
		}
		List<ListingDocument> documents = documents(listings);
		bulk(index.alias(), documents);
		deleteStale(listings, documents);
	}

	// The embedded engine has no reindex module (so no delete-by-query): find the listings' documents, delete the
	// ones for locations they no longer have.
	private void deleteStale(List<Listing> listings, List<ListingDocument> current) throws IOException {
		List<FieldValue> services = listings.stream().map(l -> FieldValue.of(l.id())).toList();
		Set<String> keep = current.stream().map(ListingDocument::id).collect(Collectors.toSet());
		var found = client.search(s -> s.index(index.alias())
			.size(10_000)
			.source(src -> src.fetch(false))
			.query(q -> q.terms(t -> t.field("serviceId").terms(v -> v.value(services)))), Void.class);
		List<String> stale = found.hits().hits().stream().map(h -> h.id()).filter(id -> !keep.contains(id)).toList();
		if (!stale.isEmpty()) {
			client.bulk(b -> {
				stale.forEach(id -> b.operations(op -> op.delete(d -> d.index(index.alias()).id(id))));
				return b;
			});
		}
	}

	/** Indexes into a concrete index that the alias does not point at yet. */
	void indexInto(String concrete, List<Listing> listings) throws IOException {
		bulk(concrete, documents(listings));
	}

	private List<ListingDocument> documents(List<Listing> listings) {
		Map<String, Organization> orgs = organizations
			.findAllById(listings.stream().map(Listing::organizationId).distinct().toList());
		Map<String, Location> places = locations.findAllById(listings.stream()
			.flatMap(l -> l.locations().stream().map(ServiceAtLocation::locationId))
			.distinct()
			.toList());
		Map<String, org.workforcepathways.directory.screener.Screener> screened = screeners
			.findAll(listings.stream().map(Listing::id).toList());
		// retired or closed listings leave search (and their documents are deleted as stale)
		return listings.stream()
			.filter(l -> "active".equals(l.status()))
			.flatMap(l -> ListingDocument.of(l, orgs.get(l.organizationId()), places,
					occupations.titles(l.workforce().occupations()), screened.get(l.id())).stream())
			.toList();
	}

	private void bulk(String target, List<ListingDocument> documents) throws IOException {
		if (documents.isEmpty()) {
			return;
		}
		BulkResponse response = client.bulk(b -> {
			for (ListingDocument d : documents) {
				b.operations(op -> op.index(i -> i.index(target).id(d.id()).document(d)));
			}
			return b;
		});
		if (response.errors()) {
			long failed = response.items().stream().filter(i -> i.error() != null).count();
			throw new IOException(failed + " of " + documents.size() + " search documents were not indexed");
		}
	}

	/** Makes everything indexed so far searchable now. */
	public void refresh() throws IOException {
		client.indices().refresh(r -> r.index(index.alias()));
	}

	public long count() throws IOException {
		return client.count(c -> c.index(index.alias())).count();
	}

}
