package org.workforcepathways.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.directory.listing.Listing;

/**
 * The search projection: an index template for {@code listings-v*}, the current versioned index, and the alias that
 * searches read. A mapping change bumps the version, so the new index is filled beside the old one and the alias
 * flips when it is ready.
 */
@Component
public class ListingIndex {

	private static final Logger log = LoggerFactory.getLogger(ListingIndex.class);

	private final ElasticsearchClient client;

	private final DirectoryProperties.Index index;

	ListingIndex(ElasticsearchClient client, DirectoryProperties properties) {
		this.client = client;
		this.index = properties.index();
	}

	public String alias() {
		return index.alias();
	}

	/** Puts the template, creates the current index if missing and points the alias at it. Idempotent. */
	public void ensure() throws IOException {
		try (InputStream template = new ClassPathResource("elasticsearch/listings-template.json").getInputStream()) {
			client.indices()
				.putIndexTemplate(t -> t.name(index.alias()).indexPatterns(index.alias() + "-v*").withJson(template));
		}
		String name = index.concreteName();
		if (!client.indices().exists(e -> e.index(name)).value()) {
			client.indices().create(c -> c.index(name));
			log.info("created search index {}", name);
		}
		boolean aliasOk = client.indices().existsAlias(a -> a.name(index.alias()).index(name)).value();
		if (!aliasOk) {
			boolean aliasElsewhere = client.indices().existsAlias(a -> a.name(index.alias())).value();
			client.indices().updateAliases(u -> {
				if (aliasElsewhere) {
					u.actions(a -> a.remove(r -> r.index(index.alias() + "-v*").alias(index.alias())));
				}
				return u.actions(a -> a.add(ad -> ad.index(name).alias(index.alias())));
			});
			log.info("alias {} now points at {}", index.alias(), name);
		}
	}

	public void index(List<Listing> listings) throws IOException {
		if (listings.isEmpty()) {
			return;
		}
		BulkResponse response = client.bulk(b -> {
			for (Listing l : listings) {
				b.operations(op -> op.index(i -> i.index(index.alias()).id(l.id()).document(ListingDocument.of(l))));
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
