package org.workforcepathways.metrics.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import org.workforcepathways.contracts.Topics;
import org.workforcepathways.metrics.campaign.Campaign;
import org.workforcepathways.metrics.counting.CountingStreams.Figures;
import org.workforcepathways.metrics.counting.CountingTopology;
import org.workforcepathways.metrics.simulation.CampaignTraffic;

/**
 * The counting topology run over a list of events in one go, without a broker and without interruption: the
 * reference a real run, crashed and restarted or not, must match.
 */
public final class UninterruptedRun implements AutoCloseable {

	private final TopologyTestDriver driver;

	public UninterruptedRun(List<CampaignTraffic.Sent> events, ZoneId zone) {
		StreamsBuilder builder = new StreamsBuilder();
		CountingTopology.build(builder, zone, Duration.ofDays(35), false);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "uninterrupted-run");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		driver = new TopologyTestDriver(builder.build(), config);
		Map<String, TestInputTopic<String, String>> topics = Map.of(Topics.DIRECTORY_ENGAGEMENT,
				input(Topics.DIRECTORY_ENGAGEMENT), Topics.REFERRAL_LIFECYCLE, input(Topics.REFERRAL_LIFECYCLE),
				Topics.LISTING_CHANGES, input(Topics.LISTING_CHANGES));
		Instant published = Instant.now();
		for (CampaignTraffic.Sent s : events) {
			published = published.plusMillis(10);
			topics.get(s.topic()).pipeInput(s.key(), s.json(), published);
		}
	}

	private TestInputTopic<String, String> input(String topic) {
		return driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.String().serializer());
	}

	public CampaignReport report(Campaign campaign, Period period, int threshold, Clock clock) {
		Figures figures = new Figures(driver.getKeyValueStore(CountingTopology.COUNTS),
				driver.getKeyValueStore(CountingTopology.LISTINGS), driver.getKeyValueStore(CountingTopology.REFERRED_LISTINGS),
				driver.getKeyValueStore(CountingTopology.ATTENDANCE), driver.getKeyValueStore(CountingTopology.SURVEY));
		return new ReportBuilder(figures, new Suppression(threshold), 20, clock).build(campaign, period);
	}

	@Override
	public void close() {
		driver.close();
	}

}
