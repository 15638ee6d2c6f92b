package org.workforcepathways.directory.engagement;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.engagement.CampaignLanding;
import org.workforcepathways.contracts.engagement.ListingAction;
import org.workforcepathways.contracts.engagement.ListingRated;
import org.workforcepathways.contracts.engagement.ListingViewed;
import org.workforcepathways.contracts.engagement.SearchPerformed;
import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * Publishes engagement events to {@code directory.engagement} through the outbox. A search never waits for or fails
 * because of Kafka; a failure to record is counted ({@code wrd.engagement.publish}, outcome failed) and logged
 * without content.
 */
@Component
public class EngagementPublisher {

	private static final Logger log = LoggerFactory.getLogger(EngagementPublisher.class);

	private final Outbox outbox;

	private final String source;

	private final Counter published;

	private final Counter failed;

	EngagementPublisher(Outbox outbox, DirectoryProperties properties, MeterRegistry meters) {
		this.outbox = outbox;
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

	public void listingAction(String serviceId, String organizationId, String kind, String action, String channel,
			@Nullable String campaignCode, @Nullable String sessionId) {
		publish(CloudEvent.of(EventTypes.LISTING_ACTION, source,
				new ListingAction(serviceId, organizationId, kind, action, channel, campaignCode, sessionId)));
	}

	public void campaignLanding(String campaignCode, String page, @Nullable String language,
			@Nullable String sessionId) {
		publish(CloudEvent.of(EventTypes.CAMPAIGN_LANDING, source,
				new CampaignLanding(campaignCode, page, language, sessionId)));
	}

	public void listingRated(String serviceId, String organizationId, int stars, @Nullable Boolean informationCorrect,
			@Nullable String sessionId) {
		publish(CloudEvent.of(EventTypes.LISTING_RATED, source,
				new ListingRated(serviceId, organizationId, stars, informationCorrect, sessionId)));
	}

	// Through the outbox, so an event survives a crash right after the search; keyed by event id: engagement events
	// have no entity whose order matters, so they spread over the partitions. A search never fails for its event.
	private void publish(CloudEvent<?> event) {
		try {
			outbox.add(Topics.DIRECTORY_ENGAGEMENT, event.id(), event);
			published.increment();
		}
		catch (RuntimeException ex) {
			failed.increment();
			log.warn("engagement event {} not recorded: {}", event.id(), ex.getClass().getSimpleName());
		}
	}

}
