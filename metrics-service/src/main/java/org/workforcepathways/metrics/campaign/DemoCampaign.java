package org.workforcepathways.metrics.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The sample campaign of the demo stack ({@code metrics.demo-campaign=true}): "Make It in the Calumet", three months
 * around today, manufacturing occupations in scope, one code per piece. Created once; an edited one is left alone.
 */
@Component
@ConditionalOnBooleanProperty("metrics.demo-campaign")
public class DemoCampaign implements ApplicationRunner {

	public static final String NAME = "Make It in the Calumet (sample)";

	/** Codes and the landings a day each brings in the simulated traffic. */
	public static final Map<String, Double> CODES = codes();

	private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

	private final Campaigns campaigns;

	private final Clock clock;

	DemoCampaign(Campaigns campaigns, org.workforcepathways.metrics.config.MetricsProperties properties) {
		this.campaigns = campaigns;
		this.clock = Clock.system(properties.timeZone());
	}

	private static Map<String, Double> codes() {
		Map<String, Double> codes = new LinkedHashMap<>();
		codes.put("BB-DAN-RYAN", 9.0);
		codes.put("CTA-RED-95", 7.0);
		codes.put("DEFENDER-AD", 2.5);
		codes.put("IG-MAKEIT", 6.0);
		codes.put("PODCAST-SOUTHSIDE", 1.2);
		codes.put("NWI-NEWSLETTER", 0.6);
		codes.put("FAIR-FLYER", 0.25);
		return codes;
	}

	/** The request that defines the sample campaign, around {@code today}. */
	public static CampaignRequest request(LocalDate today) {
		LocalDate start = today.minusDays(45);
		return new CampaignRequest(NAME, start, today.plusDays(45),
				List.of("51-4121.06", "51-4041.00", "51-9061.00", "49-9041.00", "51-2092.00", "51-4011.00"), List.of(),
				new CampaignRequest.TargetsRequest(120, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
						new BigDecimal("25"), new BigDecimal("0.30"), new BigDecimal("0.60"), new BigDecimal("0.75"),
						new BigDecimal("0.60"), new BigDecimal("0.90"), new BigDecimal("0.60")),
				List.of(new CampaignRequest.ComponentRequest("BB-DAN-RYAN", "billboard", "Dan Ryan Expressway billboard at 95th",
						start, start.plusDays(56)),
						new CampaignRequest.ComponentRequest("CTA-RED-95", "transit", "CTA Red Line 95th/Dan Ryan station ads",
								start.plusDays(7), start.plusDays(70)),
						new CampaignRequest.ComponentRequest("DEFENDER-AD", "newspaper", "Chicago Defender half page",
								start.plusDays(14), start.plusDays(28)),
						new CampaignRequest.ComponentRequest("IG-MAKEIT", "social", "Instagram and Facebook posts", start,
								today.plusDays(45)),
						new CampaignRequest.ComponentRequest("PODCAST-SOUTHSIDE", "podcast", "South Side podcast spot",
								start.plusDays(21), start.plusDays(49)),
						new CampaignRequest.ComponentRequest("NWI-NEWSLETTER", "newsletter",
								"Northwest Indiana partner newsletter", start.plusDays(30), start.plusDays(31)),
						new CampaignRequest.ComponentRequest("FAIR-FLYER", "flyer", "Manufacturing Month fair flyer",
								start.plusDays(35), start.plusDays(50))));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (campaigns.all().stream().anyMatch(c -> c.name().equals(NAME))) {
			return;
		}
		Campaign created = campaigns.create(request(LocalDate.now(clock)));
		log.info("Sample campaign created: {} ({} codes)", created.id(), created.components().size());
	}

}
