package org.workforcepathways.metrics.simulation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.workforcepathways.metrics.campaign.DemoCampaign;

/**
 * {@code ./wrd simulate}: publishes a month of the sample campaign's events (searches, landings per code, intakes,
 * referrals to enrollment, retention check-ins, seats, event attendance, the survey) straight to the stack's Kafka,
 * dated over the last {@code --days} days, so the campaign report has something to show. Demo stacks only: the
 * events are made up.
 */
public final class CampaignSimulator {

	private CampaignSimulator() {
	}

	public static void main(String[] args) {
		Map<String, String> options = options(args);
		String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:19092");
		Path listings = Path.of(options.getOrDefault("listings", "infra/demo-data/calumet-listings.json"));
		int days = Integer.parseInt(options.getOrDefault("days", "30"));
		double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
		long seed = Long.parseLong(options.getOrDefault("seed", "2026"));
		ZoneId zone = ZoneId.of(options.getOrDefault("zone", "America/Chicago"));
		if (days < 1 || days > 400 || scale <= 0 || scale > 1000) {
			System.err.println("simulate: --days must be 1-400 and --scale above 0 and at most 1000");
			System.exit(2);
		}
		Instant now = Instant.now();
		LocalDate first = LocalDate.ofInstant(now, zone).minusDays(days - 1L);
		List<CampaignTraffic.Sent> events = new CampaignTraffic(DemoListing.read(listings), DemoCampaign.CODES, zone,
				scale, seed).generate(first, days, now);
		System.out.printf(Locale.ROOT, "Publishing %,d events (%s to today, %s) to %s...%n", events.size(), first,
				zone, bootstrap);
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		Map<String, Integer> byTopic = new HashMap<>();
		long t0 = System.nanoTime();
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
			int sent = 0;
			int step = Math.max(1, events.size() / 10);
			for (CampaignTraffic.Sent e : events) {
				producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json()));
				byTopic.merge(e.topic(), 1, Integer::sum);
				if (++sent % step == 0) {
					System.out.printf(Locale.ROOT, "  %3d%%  %,d events%n", 100 * sent / events.size(), sent);
				}
			}
			producer.flush();
		}
		long duplicates = events.stream().filter(CampaignTraffic.Sent::duplicate).count();
		System.out.printf(Locale.ROOT, "Done in %.1f s: %s; %d of them redeliveries, which the report counts once.%n",
				(System.nanoTime() - t0) / 1e9, byTopic, duplicates);
		System.out.println("See the sample campaign's report: GET /api/metrics/campaigns, then /api/metrics/campaigns/{id}/report");
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --name value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options;
	}

}
