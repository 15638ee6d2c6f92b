package org.workforcepathways.directory.search;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.listing.ListingRepository;

/**
 * Keeps saves safe while Elasticsearch is away: a listing whose indexing failed is remembered (by id, in PostgreSQL,
 * so a restart forgets nothing) and indexed again, from what the database then holds, until the engine takes it.
 * Every instance drains the same table, so any of them finishes the work.
 */
@Component
public class SearchBacklog {

	private static final Logger log = LoggerFactory.getLogger(SearchBacklog.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ListingIndex index;

	private final ListingRepository listings;

	SearchBacklog(JdbcClient jdbc, ListingIndex index, ListingRepository listings, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.index = index;
		this.listings = listings;
		Gauge.builder("directory.search.backlog", this, SearchBacklog::size)
			.description("listings saved but not yet in the search index")
			.register(meters);
	}

	/**
	 * Indexes the listings now; if the engine cannot be reached they join the backlog instead, and the save that
	 * changed them still succeeds.
	 */
	public void indexOrQueue(List<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try {
			for (int from = 0; from < ids.size(); from += BATCH) {
				index.index(listings.findAllById(ids.subList(from, Math.min(ids.size(), from + BATCH))));
			}
		}
		catch (IOException | ElasticsearchException ex) {
			queue(ids);
			log.warn("search index unreachable ({}): {} listings queued to index later", ex.getClass().getSimpleName(),
					ids.size());
		}
	}

	void queue(List<String> ids) {
		for (String id : ids) {
			jdbc.sql("insert into search_backlog (listing_id) values (?) on conflict (listing_id) do update set queued_at = now()")
				.param(id)
				.update();
		}
	}

	/** Listings waiting for the index. */
	public long size() {
		return jdbc.sql("select count(*) from search_backlog").query(Long.class).single();
	}

	@Scheduled(fixedDelayString = "${directory.index.retry-interval:5s}")
	void drain() {
		List<Queued> batch;
		while (!(batch = jdbc.sql("select listing_id, queued_at from search_backlog order by queued_at limit ?")
			.param(BATCH)
			.query(Queued.class)
			.list()).isEmpty()) {
			try {
				index.index(listings.findAllById(batch.stream().map(Queued::listingId).toList()));
			}
			catch (IOException | ElasticsearchException ex) {
				log.debug("search index still unreachable; {} or more listings wait", batch.size());
				return;
			}
			// a listing saved again while this batch was indexed keeps its newer place in the queue
			for (Queued q : batch) {
				jdbc.sql("delete from search_backlog where listing_id = ? and queued_at = ?")
					.params(q.listingId(), java.sql.Timestamp.from(q.queuedAt()))
					.update();
			}
			log.info("search index back: {} queued listings indexed", batch.size());
		}
	}

	record Queued(String listingId, Instant queuedAt) {

	}

}
