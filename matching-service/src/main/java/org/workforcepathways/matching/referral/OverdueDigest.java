package org.workforcepathways.matching.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.referral.ReferralOverdue;
import org.workforcepathways.matching.MatchingProperties;
import org.workforcepathways.platform.outbox.Outbox;

/**
 * The daily digest ({@code matching.digest-cron}, weekdays at 7:00 by default): each referral past its provider's
 * deadline without an answer is listed once a day as a {@code referral-overdue} event (for the metrics and for
 * notifications), and check-ins due for people who chose not to be contacted are recorded as such. Logs counts per
 * provider, never a person.
 */
@Component
public class OverdueDigest {

	private static final Logger log = LoggerFactory.getLogger(OverdueDigest.class);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Referrals referrals;

	private final MatchingProperties properties;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transaction;

	OverdueDigest(JdbcClient jdbc, Outbox outbox, Referrals referrals, MatchingProperties properties, Clock clock,
			org.springframework.transaction.support.TransactionTemplate transaction) {
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.referrals = referrals;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one digest found: overdue referrals per provider, and check-ins recorded as no contact by choice. */
	public record Digest(LocalDate on, Map<String, Integer> overdueByProvider, int newlyListed, int noContactCheckIns) {

	}

	@Scheduled(cron = "${matching.digest-cron:0 0 7 * * MON-FRI}", zone = "${matching.time-zone:America/Chicago}")
	void daily() {
		Digest d = run();
		log.info("referral digest {}: {} overdue across {} providers, {} listed today, {} check-ins of people not to contact",
				d.on(), d.overdueByProvider().values().stream().mapToInt(Integer::intValue).sum(),
				d.overdueByProvider().size(), d.newlyListed(), d.noContactCheckIns());
	}

	/**
	 * Runs the digest now, in one transaction (the overdue rows are locked, so two instances cannot both list one);
	 * a referral is listed once per day however often it runs.
	 */
	public Digest run() {
		return transaction.execute(tx -> digest());
	}

	private Digest digest() {
		LocalDate today = LocalDate.now(clock);
		Instant now = Instant.now(clock);
		record Overdue(UUID id, String provider, @Nullable String referring, Instant deadline, @Nullable LocalDate digested) {
		}
		List<Overdue> overdue = jdbc.sql("select id, provider_organization_id, referring_organization_id, deadline_at, "
				+ "digested_on from referral where status = 'sent' and deadline_at < :now for update")
			.param("now", java.sql.Timestamp.from(now))
			.query((rs, n) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
			.list();
		Map<String, Integer> byProvider = new TreeMap<>();
		int listed = 0;
		for (Overdue o : overdue) {
			byProvider.merge(o.provider(), 1, Integer::sum);
			if (today.equals(o.digested())) {
				continue;
			}
			jdbc.sql("update referral set digested_on = ? where id = ?").params(today, o.id()).update();
			outbox.add(Topics.REFERRAL_LIFECYCLE, o.id().toString(), CloudEvent.of(EventTypes.REFERRAL_OVERDUE,
					properties.source(), new ReferralOverdue(o.id().toString(), o.provider(), o.referring(), o.deadline(),
							Duration.between(o.deadline(), now).toHours(), today)));
			listed++;
		}
		int noContact = referrals.recordNoContactCheckIns();
		return new Digest(today, byProvider, listed, noContact);
	}

}
