package org.workforcepathways.directory.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.platform.Caller;

/**
 * Keeping listings right: visitors' ratings (and "this is not correct" reports), a provider confirming a listing
 * is still right, and the list of listings that need a provider's attention.
 */
@Component
public class ListingCare {

	private final JdbcClient jdbc;

	private final Duration staleAfter;

	ListingCare(JdbcClient jdbc, DirectoryProperties properties) {
		this.jdbc = jdbc;
		this.staleAfter = properties.verification().staleAfter();
	}

	void rate(String serviceId, int stars, @Nullable Boolean informationCorrect) {
		jdbc.sql("insert into listing_rating (service_id, stars, information_correct) values (?, ?, ?)")
			.params(serviceId, stars, informationCorrect)
			.update();
	}

	/** Confirms the listing is right as it stands; recorded in its history. */
	@Transactional
	public Instant verify(String serviceId, Caller caller) {
		Instant now = jdbc.sql("update listing set verified_at = now() where id = ? returning verified_at")
			.params(serviceId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		jdbc.sql("insert into listing_change (service_id, version, change, actor_subject, actor_role, actor_organization) "
				+ "select id, version, 'verified', ?, ?, ? from listing where id = ?")
			.params(caller.subject(), caller.role(), caller.organization(), serviceId)
			.update();
		return now;
	}

	/**
	 * A listing a provider should look at.
	 *
	 * @param notVerified true when it was last confirmed longer ago than the configured period
	 * @param reportedIncorrect "not correct" reports since it was last confirmed or changed
	 */
	public record Attention(String serviceId, String title, String status, Instant verifiedAt, boolean notVerified,
			long reportedIncorrect, long ratings, @Nullable Double averageStars) {

	}

	/** The caller's organization's listings (every organization's for an admin) that need attention, worst first. */
	public List<Attention> attention(Caller caller) {
		return jdbc.sql("""
				select l.id, l.title, l.status, l.verified_at,
				       l.verified_at < now() - make_interval(secs => :stale) as not_verified,
				       count(r.id) filter (where r.information_correct = false and r.rated_at > l.verified_at) as incorrect,
				       count(r.id) as ratings, avg(r.stars)::float8 as average
				from listing l left join listing_rating r on r.service_id = l.id
				where l.status = 'active' and (:all or l.organization_id = any(:organizations))
				group by l.id
				having l.verified_at < now() - make_interval(secs => :stale)
				    or count(r.id) filter (where r.information_correct = false and r.rated_at > l.verified_at) > 0
				order by incorrect desc, l.verified_at
				limit 500""")
			.param("stale", staleAfter.toSeconds())
			.param("all", caller.isAdmin())
			.param("organizations", caller.organizations().toArray(String[]::new))
			.query((rs, n) -> new Attention(rs.getString("id"), rs.getString("title"), rs.getString("status"),
					rs.getTimestamp("verified_at").toInstant(), rs.getBoolean("not_verified"), rs.getLong("incorrect"),
					rs.getLong("ratings"), rs.getObject("average", Double.class)))
			.list();
	}

}
