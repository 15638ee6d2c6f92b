package org.workforcepathways.directory.engagement;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventJson;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.engagement.ListingViewed;
import org.workforcepathways.contracts.engagement.SearchPerformed;
import org.workforcepathways.directory.config.DirectoryProperties;

/**
 * Publishes engagement events to {@code directory.engagement}. A search never waits for or fails because of Kafka:
 * the send is asynchronous and a failure is counted ({@code wrd.engagement.publish.failed}) and logged without
 * content.
 */
@Component
public class EngagementPublisher {

	private static final Logger log = LoggerFactory.getLogger(EngagementPublisher.class);

	private final KafkaTemplate<String, String> kafka;

	private final String source;

	private final Counter published;

	private final Counter failed;

	EngagementPublisher(KafkaTemplate<String, String> kafka, DirectoryProperties properties, MeterRegistry meters) {
		this.kafka = kafka;
		this.source = properties.source();
		this.published = meters.counter("wrd.engagement.publish", "outcome", "sent");
		this.failed = meters.counter("wrd.engagement.publish", "outcome", "failed");
	}

	public void searchPerformed(String normalizedQuery, long resultCount, Map<String, String> filters,
			@Nullable String campaignCode, @Nullable String sessionId) {
		publish(CloudEvent.of(EventTypes.SEARCH_PERFORMED, source,
				new SearchPerformed(normalizedQuery, resultCount, filters, campaignCode, sessionId)));
	}

	public void listingViewed(String serviceId, @Nullable String serviceAtLocationId, String kind,
			String organizationId, @Nullable String campaignCode, @Nullable String sessionId) {
		publish(CloudEvent.of(EventTypes.LISTING_VIEWED, source,
				new ListingViewed(serviceId, serviceAtLocationId, kind, organizationId, campaignCode, sessionId)));
	}

	// keyed by event id: engagement events have no entity whose order matters, so they spread over the partitions
	private void publish(CloudEvent<?> event) {
		try {
			kafka.send(Topics.DIRECTORY_ENGAGEMENT, event.id(), EventJson.write(event)).whenComplete((r, ex) -> {
				if (ex == null) {
					published.increment();
				}
				else {
					failed.increment();
					log.warn("engagement event {} not published: {}", event.id(), ex.getClass().getSimpleName());
				}
			});
		}
		catch (RuntimeException ex) {
			failed.increment();
			log.warn("engagement event {} not published: {}", event.id(), ex.getClass().getSimpleName());
		}
	}

}
