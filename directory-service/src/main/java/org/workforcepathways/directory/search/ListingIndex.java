package org.workforcepathways.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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

	ListingIndex(ElasticsearchClient client, DirectoryProperties properties, JsonMapper json) {
		this.client = client;
		this.index = properties.index();
		this.json = json;
	}

	public String alias() {
		return index.alias();
	}

	String concreteName() {
		return index.concreteName();
	}

	/** Puts the index template, with the synonym and stem-override files filled in. Idempotent. */
	void putTemplate() throws IOException {
		ObjectNode template = (ObjectNode) json.readTree(read("elasticsearch/listings-template.json"));
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

	boolean currentIndexExists() throws IOException {
		return client.indices().exists(e -> e.index(index.concreteName())).value();
	}

	void createCurrentIndex() throws IOException {
		client.indices().create(c -> c.index(index.concreteName()));
		log.info("created search index {}", index.concreteName());
	}

	/** Points the alias at the current index only, and drops the older versions it leaves behind. */
	void flipAlias() throws IOException {
		String name = index.concreteName();
		if (client.indices().existsAlias(a -> a.name(index.alias()).index(name)).value()) {
			return;
		}
		client.indices().refresh(r -> r.index(name));
		boolean aliasElsewhere = client.indices().existsAlias(a -> a.name(index.alias())).value();
		client.indices().updateAliases(u -> {
			if (aliasElsewhere) {
				u.actions(a -> a.remove(r -> r.index(index.alias() + "-v*").alias(index.alias())));
			}
			return u.actions(a -> a.add(ad -> ad.index(name).alias(index.alias())));
		});
		log.info("alias {} now points at {}", index.alias(), name);
		for (int v = 1; v < index.version(); v++) {
			String old = index.alias() + "-v" + v;
			if (client.indices().exists(e -> e.index(old)).value()) {
				client.indices().delete(d -> d.index(old));
				log.info("deleted the previous search index {}", old);
			}
		}
	}

	/** Indexes into the alias (searches see it within the refresh interval). */
	public void index(List<Listing> listings) throws IOException {
		indexInto(index.alias(), listings);
	}

	/** Indexes into the current concrete index, before the alias points at it. */
	void indexIntoCurrent(List<Listing> listings) throws IOException {
		indexInto(index.concreteName(), listings);
	}

	private void indexInto(String target, List<Listing> listings) throws IOException {
		if (listings.isEmpty()) {
			return;
		}
		BulkResponse response = client.bulk(b -> {
			for (Listing l : listings) {
				b.operations(op -> op.index(i -> i.index(target).id(l.id()).document(ListingDocument.of(l))));
			}
			return b;
		});
		if (response.errors()) {
			long failed = response.items().stream().filter(i -> i.error() != null).count();
			throw new IOException(failed + " of " + listings.size() + " listings were not indexed");
		}
	}

	public long count() throws IOException {
		return client.count(c -> c.index(index.alias())).count();
	}

}
