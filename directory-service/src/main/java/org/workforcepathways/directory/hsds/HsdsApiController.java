package org.workforcepathways.directory.hsds;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.workforcepathways.directory.taxonomy.Taxonomy;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;

/**
 * The read endpoints of the HSDS 3.0 API (schema/openapi.json of the specification), so any Open Referral client or
 * validator can read the directory: the same paths, query parameters and paging envelope.
 */
@RestController
@RequestMapping("/api/directory/hsds")
class HsdsApiController {

	/** PostgreSQL refuses NUL in text, so a control character would otherwise surface as a 500. */
	private static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

	private final HsdsQueries queries;

	private final HsdsDocuments documents;

	private final HsdsMapper mapper;

	private final Taxonomy taxonomy;

	private final JsonMapper json;

	HsdsApiController(HsdsQueries queries, HsdsDocuments documents, HsdsMapper mapper, Taxonomy taxonomy, JsonMapper json) {
		this.queries = queries;
		this.documents = documents;
		this.mapper = mapper;
		this.taxonomy = taxonomy;
		this.json = json;
	}

	/** The paging envelope of the HSDS API. */
	record Page(long total_items, long total_pages, int page_number, int size, boolean first_page, boolean last_page,
			boolean empty, List<? extends JsonNode> contents) {

		static Page of(List<? extends JsonNode> contents, long total, int page, int perPage) {
			long pages = (total + perPage - 1) / perPage;
			return new Page(total, pages, page, contents.size(), page == 1, page >= pages, total == 0, contents);
		}

	}

	record About(String version, String profile, String openapi_url) {

	}

	@GetMapping
	@Operation(summary = "HSDS: about this API")
	About about() {
		return new About("3.0.1", "https://workforcepathways.org/hsds-profile", "/v3/api-docs");
	}

	@GetMapping("/services")
	@Operation(summary = "HSDS: services, paged; one-to-one fields unless full=true")
	Page services(@RequestParam(name = "search", required = false) @Nullable @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not hold control characters") String search,
			@RequestParam(name = "taxonomy_term_id", required = false) @Nullable String termId,
			@RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
			@RequestParam(name = "organization_id", required = false) @Nullable @Size(max = 100) String organizationId,
			@RequestParam(name = "modified_after", required = false) @Nullable String modifiedAfter,
			@RequestParam(name = "full", defaultValue = "false") boolean full,
			@RequestParam(name = "page", defaultValue = "1") @Min(1) @Max(1_000_000) int page,
			@RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(1000) int perPage) {
		String category = termId == null ? null : categoryOf(termId);
		if (taxonomyId != null && !taxonomyId.equalsIgnoreCase(HsdsIds.of("taxonomy", HsdsMapper.TAXONOMY))) {
			throw new InvalidInputException("taxonomy_id", "is not a taxonomy of this directory (GET /taxonomies)");
		}
		HsdsQueries.Page found = queries.services(blankToNull(search), category, organizationId,
				timestamp(modifiedAfter), page, perPage);
		List<ObjectNode> docs = documents.services(found.ids());
		return Page.of(full ? docs : docs.stream().map(HsdsApiController::oneToOne).toList(), found.total(), page, perPage);
	}

	@GetMapping("/services/{id}")
	@Operation(summary = "HSDS: one service in full, by its HSDS id or directory id")
	ObjectNode service(@PathVariable("id") @Size(max = 100) String id) {
		String local = queries.localId("service", id);
		return local == null ? notFound("service") : documents.services(List.of(local)).getFirst();
	}

	@GetMapping("/organizations")
	@Operation(summary = "HSDS: organizations, paged")
	Page organizations(@RequestParam(name = "search", required = false) @Nullable @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not hold control characters") String search,
			@RequestParam(name = "full", defaultValue = "false") boolean full,
			@RequestParam(name = "full_service", defaultValue = "false") boolean fullService,
			@RequestParam(name = "page", defaultValue = "1") @Min(1) @Max(1_000_000) int page,
			@RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(1000) int perPage) {
		HsdsQueries.Page found = queries.organizations(blankToNull(search), page, perPage);
		List<ObjectNode> docs = documents.organizations(found.ids(), fullService);
		return Page.of(full || fullService ? docs : docs.stream().map(HsdsApiController::oneToOne).toList(),
				found.total(), page, perPage);
	}

	@GetMapping("/organizations/{id}")
	@Operation(summary = "HSDS: one organization with its locations and services")
	ObjectNode organization(@PathVariable("id") @Size(max = 100) String id) {
		String local = queries.localId("organization", id);
		return local == null ? notFound("organization") : documents.organizations(List.of(local), true).getFirst();
	}

	@GetMapping("/taxonomies")
	@Operation(summary = "HSDS: the taxonomies services are categorized by")
	Page taxonomies(@RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(1000) int perPage) {
		return paged(List.of(mapper.taxonomyNode()), page, perPage, Function.identity());
	}

	@GetMapping("/taxonomies/{id}")
	@Operation(summary = "HSDS: one taxonomy")
	ObjectNode taxonomy(@PathVariable("id") @Size(max = 100) String id) {
		ObjectNode t = mapper.taxonomyNode();
		return t.get("id").asString().equalsIgnoreCase(id) || HsdsMapper.TAXONOMY.equals(id) ? t : notFound("taxonomy");
	}

	@GetMapping("/taxonomy_terms")
	@Operation(summary = "HSDS: the terms of the directory's taxonomy")
	Page terms(@RequestParam(name = "search", required = false) @Nullable @Size(max = 200) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not hold control characters") String search,
			@RequestParam(name = "parent_id", required = false) @Nullable String parentId,
			@RequestParam(name = "top_only", defaultValue = "false") boolean topOnly,
			@RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
			@RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(1000) int perPage) {
		String parent = parentId == null ? null : categoryOf(parentId);
		String words = blankToNull(search);
		List<ObjectNode> terms = taxonomy.all()
			.stream()
			.filter(t -> !topOnly || t.parent() == null)
			.filter(t -> parent == null || parent.equals(t.parent()))
			.filter(t -> words == null || (t.nameEn() + " " + t.nameEs() + " " + t.description() + " " + t.code())
				.toLowerCase(java.util.Locale.ROOT)
				.contains(words.toLowerCase(java.util.Locale.ROOT)))
			.map(mapper::term)
			.toList();
		return paged(terms, page, perPage, Function.identity());
	}

	@GetMapping("/taxonomy_terms/{id}")
	@Operation(summary = "HSDS: one taxonomy term, by HSDS id or code")
	ObjectNode term(@PathVariable("id") @Size(max = 100) String id) {
		return taxonomy.all()
			.stream()
			.filter(t -> t.code().equals(id) || HsdsIds.of("taxonomy_term", t.code()).equalsIgnoreCase(id))
			.findFirst()
			.map(mapper::term)
			.orElseGet(() -> notFound("taxonomy term"));
	}

	private String categoryOf(String termId) {
		return taxonomy.all()
			.stream()
			.filter(t -> t.code().equals(termId) || HsdsIds.of("taxonomy_term", t.code()).equalsIgnoreCase(termId))
			.map(Taxonomy.Term::code)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("taxonomy_term_id",
					"is not a term of this directory (GET /api/directory/hsds/taxonomy_terms)"));
	}

	private static <T extends JsonNode> Page paged(List<T> all, int page, int perPage, Function<T, T> shape) {
		int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
		List<T> contents = all.subList(from, Math.min(all.size(), from + perPage)).stream().map(shape).toList();
		return Page.of(contents, all.size(), page, perPage);
	}

	/** The list form: one-to-one fields, and the organization (itself in list form) of a service. */
	static ObjectNode oneToOne(ObjectNode doc) {
		ObjectNode out = doc.deepCopy();
		List<String> drop = new ArrayList<>();
		for (Iterator<String> names = out.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			JsonNode v = out.get(name);
			if (v.isArray() || v.isObject() && !name.equals("organization") && !name.equals("program")
					&& !name.equals(HsdsMapper.EXTENSION)) {
				drop.add(name);
			}
		}
		drop.forEach(out::remove);
		if (out.get("organization") instanceof ObjectNode o) {
			out.set("organization", oneToOne(o));
		}
		return out;
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("modified_after", "must be a date-time like 2026-01-31T00:00:00Z");
		}
	}

	private static <T> T notFound(String what) {
		throw Problems.notFound("No " + what + " with that id.");
	}

}
