package org.workforcepathways.directory.listing;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.workforcepathways.contracts.CloudEvent;
import org.workforcepathways.contracts.EventTypes;
import org.workforcepathways.contracts.Topics;
import org.workforcepathways.contracts.listing.ListingChanged;
import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.platform.outbox.Outbox;
import org.workforcepathways.platform.Caller;

/**
 * What happens beside every saved change, in the same transaction: a history entry (who, when, which fields from
 * what to what) and a {@code listing.changes} event in the outbox.
 */
@Component
public class ListingChanges {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final JsonMapper json;

	private final String source;

	ListingChanges(JdbcClient jdbc, Outbox outbox, JsonMapper json, DirectoryProperties properties) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.json = json;
		this.source = properties.source();
	}

	/**
	 * One entry of a listing's history.
	 *
	 * @param actorRole {@code system} for imports without a signed-in person
	 * @param fields each changed field: {@code {"from": ..., "to": ...}}
	 */
	public record Entry(long version, String change, Instant changedAt, @Nullable String actorSubject,
			String actorRole, @Nullable String actorOrganization, @Nullable String source, Map<String, Object> fields) {

	}

	/**
	 * Where a fact of a listing came from: the inventory it was imported from, or the role of the person who last
	 * edited it ({@code provider}, {@code admin}); {@code system} for the directory's own sample data.
	 */
	public record FactSource(String source, Instant since) {

	}

	/**
	 * Records saves that changed something, in two statements for all of them; call inside the saves' transaction.
	 *
	 * @param saved what saving each listing of {@code after} did, in the same order
	 */
	void recordAll(List<Listing> after, List<ListingRepository.Saved> saved, @Nullable Caller caller,
			@Nullable String factSource) {
		if (after.isEmpty()) {
			return;
		}
		int n = after.size();
		String[] ids = new String[n];
		Long[] versions = new Long[n];
		String[] changes = new String[n];
		String[] fields = new String[n];
		List<Outbox.Pending> events = new java.util.ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Listing l = after.get(i);
			ListingRepository.Saved s = saved.get(i);
			String change = s.created() ? "created"
					: !"active".equals(l.status()) && "active".equals(s.before().status()) ? "retired" : "updated";
			ids[i] = l.id();
			versions[i] = s.version();
			changes[i] = change;
			fields[i] = json.writeValueAsString(diff(s.before(), l));
			Workforce w = l.workforce();
			events.add(new Outbox.Pending(Topics.LISTING_CHANGES, l.id(),
					CloudEvent.of(EventTypes.LISTING_CHANGED, source,
							new ListingChanged(l.id(), l.organizationId(), l.kind().code(), change, s.version(),
									l.status(), w.seatsTotal(), w.seatsOpen(), w.nextStart(), l.title(),
									w.occupations()))));
		}
		jdbc.sql("insert into listing_change (service_id, version, change, actor_subject, actor_role, "
				+ "actor_organization, fields, source) select i, v, c, :subject, :role, :organization, f, :source "
				+ "from unnest(:ids, :versions, :changes, :fields) with ordinality as e(i, v, c, f, n) order by n")
			.param("ids", ids)
			.param("versions", versions)
			.param("changes", changes)
			.param("fields", fields)
			.param("subject", caller == null ? null : caller.subject(), java.sql.Types.VARCHAR)
			.param("role", caller == null ? "system" : caller.role(), java.sql.Types.VARCHAR)
			.param("organization", caller == null ? null : caller.organization(), java.sql.Types.VARCHAR)
			.param("source", factSource, java.sql.Types.VARCHAR)
			.update();
		outbox.addAll(events);
	}

	/** The fields that differ, workforce fields as {@code workforce.<name>}; everything for a new listing. */
	private ObjectNode diff(@Nullable Listing before, Listing after) {
		ObjectNode out = json.createObjectNode();
		JsonNode from = before == null ? json.createObjectNode() : json.valueToTree(before.content());
		JsonNode to = json.valueToTree(after.content());
		compare("", from, to, out);
		return out;
	}

	private void compare(String prefix, JsonNode from, JsonNode to, ObjectNode out) {
		for (Iterator<String> names = to.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (name.equals("updatedAt") || name.equals("version")) {
				continue;
			}
			JsonNode a = from.path(name);
			JsonNode b = to.get(name);
			if (name.equals("workforce") && b.isObject()) {
				compare("workforce.", a.isObject() ? a : json.createObjectNode(), b, out);
			}
			else if (!a.equals(b)) {
				ObjectNode pair = out.putObject(prefix + name);
				pair.set("from", a.isMissingNode() ? null : a);
				pair.set("to", b);
			}
		}
	}

	/** A listing's history, newest first. */
	public List<Entry> history(String serviceId) {
		return jdbc.sql("select version, change, changed_at, actor_subject, actor_role, actor_organization, source, "
				+ "fields from listing_change where service_id = :id order by id desc limit 200")
			.param("id", serviceId)
			.query((rs, n) -> new Entry(rs.getLong("version"), rs.getString("change"),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("actor_subject"), rs.getString("actor_role"),
					rs.getString("actor_organization"), rs.getString("source"),
					json.readValue(rs.getString("fields"), Map.class)))
			.list();
	}

	/** For each field of a listing, where its current value came from (the last change that set it). */
	public Map<String, FactSource> sources(String serviceId) {
		Map<String, FactSource> out = new java.util.TreeMap<>();
		jdbc.sql("select changed_at, actor_role, source, fields from listing_change where service_id = :id order by id")
			.param("id", serviceId)
			.query(rs -> {
				FactSource from = new FactSource(rs.getString("source") != null ? rs.getString("source")
						: rs.getString("actor_role"), rs.getTimestamp("changed_at").toInstant());
				json.readTree(rs.getString("fields")).propertyNames().forEach(field -> out.put(field, from));
			});
		return out;
	}

}
