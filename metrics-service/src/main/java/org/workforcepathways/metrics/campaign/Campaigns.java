package org.workforcepathways.metrics.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.workforcepathways.platform.Problems;

/** Campaigns and their components in the service's PostgreSQL. */
@Repository
public class Campaigns {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Campaigns(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public List<Campaign> all() {
		return jdbc.sql("select * from campaign order by starts_on desc, name").query(this::campaign).list();
	}

	public Optional<Campaign> find(UUID id) {
		return jdbc.sql("select * from campaign where id = ?").params(id).query(this::campaign).optional();
	}

	/** The campaign a code belongs to, whatever the code's case. */
	public Optional<String> canonicalCode(String code) {
		return jdbc.sql("select code from campaign_component where lower(code) = lower(?)")
			.params(code)
			.query(String.class)
			.optional();
	}

	@Transactional
	public Campaign create(CampaignRequest request) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into campaign (id, name, starts_on, ends_on, occupations, programs, targets) "
				+ "values (?, ?, ?, ?, ?, ?, cast(? as jsonb))")
			.params(id, request.name(), request.startsOn(), request.endsOn(), request.occupations().toArray(String[]::new),
					request.programs().toArray(String[]::new), targets(request))
			.update();
		insertComponents(id, request);
		return find(id).orElseThrow();
	}

	@Transactional
	public Optional<Campaign> replace(UUID id, CampaignRequest request) {
		int updated = jdbc.sql("update campaign set name = ?, starts_on = ?, ends_on = ?, occupations = ?, programs = ?, "
				+ "targets = cast(? as jsonb), updated_at = now() where id = ?")
			.params(request.name(), request.startsOn(), request.endsOn(), request.occupations().toArray(String[]::new),
					request.programs().toArray(String[]::new), targets(request), id)
			.update();
		if (updated == 0) {
			return Optional.empty();
		}
		// a printed code keeps counting for its campaign: it may end (liveTo) but never leave or move
		var kept = request.components().stream().map(c -> c.code().toLowerCase()).toList();
		for (String code : jdbc.sql("select code from campaign_component where campaign_id = ?").params(id)
			.query(String.class)
			.list()) {
			if (!kept.contains(code.toLowerCase())) {
				throw Problems.error(HttpStatus.CONFLICT, "code-kept", "components: '" + code + "' is missing; a code "
						+ "may be printed already, so it stays with its campaign (end it with liveTo instead)");
			}
		}
		jdbc.sql("delete from campaign_component where campaign_id = ?").params(id).update();
		insertComponents(id, request);
		return find(id);
	}

	private String targets(CampaignRequest request) {
		return json.writeValueAsString(request.targets() == null ? new CampaignRequest.TargetsRequest(null, null, null,
				null, null, null, null, null, null, null).toTargets() : request.targets().toTargets());
	}

	private void insertComponents(UUID id, CampaignRequest request) {
		for (int i = 0; i < request.components().size(); i++) {
			var c = request.components().get(i);
			try {
				jdbc.sql("insert into campaign_component (code, campaign_id, channel, name, live_from, live_to, position) "
						+ "values (?, ?, ?, ?, ?, ?, ?)")
					.params(c.code(), id, c.channel(), c.name(), c.liveFrom(), c.liveTo(), i)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another campaign's code: a printed QR code must keep pointing where it did
				throw Problems.error(HttpStatus.CONFLICT, "code-taken", "components[" + i + "].code: '" + c.code()
						+ "' already belongs to another campaign; codes are printed on posters and never move");
			}
		}
	}

	private Campaign campaign(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Campaign.Component> components = jdbc
			.sql("select * from campaign_component where campaign_id = ? order by position")
			.params(id)
			.query((c, n) -> new Campaign.Component(c.getString("code"), c.getString("channel"), c.getString("name"),
					c.getObject("live_from", LocalDate.class), c.getObject("live_to", LocalDate.class)))
			.list();
		return new Campaign(id, rs.getString("name"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), strings(rs, "occupations"), strings(rs, "programs"),
				json.readValue(rs.getString("targets"), Campaign.Targets.class), components,
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		return Arrays.asList((String[]) rs.getArray(column).getArray());
	}

}
