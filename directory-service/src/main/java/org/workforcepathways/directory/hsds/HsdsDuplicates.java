package org.workforcepathways.directory.hsds;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.workforcepathways.directory.listing.Listing;
import org.workforcepathways.directory.listing.Location;
import org.workforcepathways.directory.listing.Organization;

/**
 * Finds the record the directory already holds that an incoming organization or program probably is, and queues the
 * doubtful ones for an admin. Candidates share a name word (organizations) or an organization (programs), so the
 * comparison stays cheap as the directory grows.
 */
@Component
class HsdsDuplicates {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	HsdsDuplicates(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The best candidate at least {@link Likeness#MAYBE} alike. */
	record Candidate(String id, Likeness.Match match) {

	}

	/**
	 * @param source the inventory being imported: its own records are never candidates, since it tells them apart by
	 *     id itself
	 */
	Optional<Candidate> organization(Organization incoming, List<Location> places, String source) {
		Set<String> words = Likeness.words(incoming.name());
		if (words.isEmpty()) {
			return Optional.empty();
		}
		Likeness.Facts facts = new Likeness.Facts(incoming.name(), incoming.website(), null,
				places.stream().map(HsdsDuplicates::address).filter(a -> a != null).findFirst().orElse(null));
		String query = words.stream().map(w -> w.replaceAll("[^a-z0-9]", "")).filter(w -> !w.isEmpty())
			.collect(Collectors.joining(" | "));
		return jdbc.sql("select o.id, o.name, o.website, (select concat_ws(' ', l.address_1, l.postal_code) from location l "
				+ "where l.organization_id = o.id order by l.id limit 1) as address from organization o "
				+ "where o.id <> :id and to_tsvector('simple', o.name) @@ to_tsquery('simple', :query) "
				+ "and not exists (select 1 from hsds_record r where r.kind = 'organization' and r.id = o.id "
				+ "and r.source = :source) limit 200")
			.param("id", incoming.id())
			.param("source", source)
			.param("query", query)
			.query((rs, n) -> new Candidate(rs.getString("id"), Likeness.compare(facts,
					new Likeness.Facts(rs.getString("name"), rs.getString("website"), null, rs.getString("address")))))
			.list()
			.stream()
			.filter(c -> c.match().score() >= Likeness.MAYBE)
			.max(Comparator.comparingDouble(c -> c.match().score()));
	}

	/** Programs of the same organization with a like title (and maybe the same page or phone). */
	Optional<Candidate> service(Listing incoming, String organizationId, String source) {
		Likeness.Facts facts = new Likeness.Facts(incoming.title(), incoming.url(),
				incoming.phones().isEmpty() ? null : incoming.phones().getFirst().number(), null);
		return jdbc.sql("select l.id, l.title, l.url, (select p.number from phone p where p.service_id = l.id "
				+ "order by p.position limit 1) as phone from listing l where l.organization_id = :org and l.id <> :id "
				+ "and not exists (select 1 from hsds_record r where r.kind = 'service' and r.id = l.id "
				+ "and r.source = :source)")
			.param("org", organizationId)
			.param("source", source)
			.param("id", incoming.id())
			.query((rs, n) -> new Candidate(rs.getString("id"), Likeness.compare(facts,
					new Likeness.Facts(rs.getString("title"), rs.getString("url"), rs.getString("phone"), null))))
			.list()
			.stream()
			// a shared page or phone alone is common among one organization's programs; the title must be alike
			.filter(c -> c.match().name() >= Likeness.MAYBE)
			.max(Comparator.comparingDouble(c -> c.match().score()));
	}

	/** Puts a doubtful record before an admin; the same record queued again replaces the waiting one. */
	void queue(String source, String recordKind, String recordId, Candidate candidate, JsonNode document) {
		jdbc.sql("insert into review_item (kind, source, record_kind, record_id, candidate_id, score, reasons, document) "
				+ "values ('duplicate', :source, :recordKind, :recordId, :candidate, :score, :reasons, cast(:document as jsonb)) "
				+ "on conflict (kind, record_kind, record_id) where status = 'pending' do update set "
				+ "candidate_id = excluded.candidate_id, score = excluded.score, reasons = excluded.reasons, "
				+ "document = excluded.document, source = excluded.source")
			.param("source", source)
			.param("recordKind", recordKind)
			.param("recordId", recordId)
			.param("candidate", candidate.id())
			.param("score", candidate.match().score())
			.param("reasons", String.join("; ", candidate.match().reasons()))
			.param("document", json.writeValueAsString(document))
			.update();
	}

	private static String address(Location l) {
		return l.address() == null ? null : (l.address().address1() + " " + l.address().postalCode());
	}

}
