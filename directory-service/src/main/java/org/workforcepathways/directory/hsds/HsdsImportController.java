package org.workforcepathways.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.workforcepathways.directory.config.DirectoryProperties;
import org.workforcepathways.platform.Caller;
import org.workforcepathways.platform.InvalidInputException;
import org.workforcepathways.platform.Problems;

/** An admin's HSDS import (with its progress and per-record report) and export, JSON or CSV data package. */
@RestController
class HsdsImportController {

	private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

	private static final int PAGE = 200;

	private final HsdsImporter importer;

	private final HsdsImportRuns runs;

	private final HsdsQueries queries;

	private final HsdsDocuments documents;

	private final HsdsTabular tabular;

	private final long maxUpload;

	private final tools.jackson.databind.json.JsonMapper json;

	HsdsImportController(HsdsImporter importer, HsdsImportRuns runs, HsdsQueries queries, HsdsDocuments documents,
			HsdsTabular tabular, DirectoryProperties properties, tools.jackson.databind.json.JsonMapper json) {
		this.importer = importer;
		this.runs = runs;
		this.queries = queries;
		this.documents = documents;
		this.tabular = tabular;
		this.maxUpload = properties.hsds().maxUpload().toBytes();
		this.json = json;
	}

	record Started(UUID id, String state, int total, String progress) {

	}

	/**
	 * @param source the inventory the data comes from, e.g. {@code 211-metro-chicago}; every fact imported names it
	 */
	@PostMapping("/api/directory/hsds/imports")
	@Operation(summary = "Import HSDS 3.0 data: nested services as JSON, or the CSV data package as a zip (admin)")
	ResponseEntity<Started> start(@RequestParam("source") String source,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			HttpServletRequest request,
			@AuthenticationPrincipal Jwt jwt) {
		if (!SOURCE.matcher(source).matches()) {
			throw new InvalidInputException("source", "must be 2-60 lower-case letters, digits or ._- naming the inventory");
		}
		String format = contentType == null ? "" : contentType.startsWith("application/zip") ? "csv"
				: contentType.startsWith("application/json") ? "json" : "";
		if (format.isEmpty()) {
			throw new InvalidInputException("Content-Type",
					"must be application/json (nested services) or application/zip (the CSV data package)");
		}
		Path file = receive(request);
		HsdsImporter.Upload upload;
		try {
			upload = importer.read(file, format);
		}
		catch (IllegalArgumentException ex) {
			delete(file);
			throw new InvalidInputException("body", ex.getMessage());
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
		if (upload.size() == 0) {
			delete(file);
			throw new InvalidInputException("body", "holds no services or organizations");
		}
		UUID id = importer.start(upload, format, source, dryRun, Caller.of(jwt), () -> delete(file));
		String progress = "/api/directory/hsds/imports/" + id;
		return ResponseEntity.accepted()
			.location(java.net.URI.create(progress))
			.body(new Started(id, "queued", upload.size(), progress));
	}

	@GetMapping("/api/directory/hsds/imports/{id}")
	@Operation(summary = "An import's progress, counts and per-record report (admin)")
	HsdsImportRuns.Run run(@PathVariable("id") UUID id) {
		return runs.find(id)
			.orElseThrow(() -> Problems.notFound("No import with that id."));
	}

	@GetMapping("/api/directory/hsds/imports")
	@Operation(summary = "Recent imports, newest first, without their reports (admin)")
	List<HsdsImportRuns.Run> runs() {
		return runs.recent();
	}

	@GetMapping("/api/directory/hsds/export")
	@Operation(summary = "The directory, or one organization, as HSDS 3.0: nested JSON or the CSV data package (admin)")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(name = "format", defaultValue = "json") String format,
			@RequestParam(name = "organization_id", required = false) @Nullable String organizationId) {
		if (!List.of("json", "csv").contains(format)) {
			throw new InvalidInputException("format", "must be json or csv");
		}
		String organization = null;
		if (organizationId != null) {
			organization = queries.localId("organization", organizationId);
			if (organization == null) {
				throw new InvalidInputException("organization_id", "names no organization in the directory");
			}
		}
		String only = organization;
		String name = "hsds-" + (only == null ? "directory" : only) + (format.equals("csv") ? ".zip" : ".json");
		StreamingResponseBody body = format.equals("csv") ? out -> csv(only, out) : out -> json(only, out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(format.equals("csv") ? MediaType.parseMediaType("application/zip") : MediaType.APPLICATION_JSON)
			.body(body);
	}

	/** A JSON array of nested services, written page by page. */
	private void json(@Nullable String organization, OutputStream out) throws IOException {
		try (var generator = json.createGenerator(out)) {
			generator.writeStartArray();
			for (int page = 1;; page++) {
				HsdsQueries.Page found = queries.services(null, null, organization, null, page, PAGE);
				for (var doc : documents.services(found.ids())) {
					generator.writeTree(doc);
				}
				if (found.ids().size() < PAGE) {
					break;
				}
			}
			generator.writeEndArray();
		}
	}

	private void csv(@Nullable String organization, OutputStream out) throws IOException {
		List<tools.jackson.databind.JsonNode> services = new java.util.ArrayList<>();
		for (int page = 1;; page++) {
			HsdsQueries.Page found = queries.services(null, null, organization, null, page, PAGE);
			services.addAll(documents.services(found.ids()));
			if (found.ids().size() < PAGE) {
				break;
			}
		}
		List<String> organizationIds = new java.util.ArrayList<>();
		if (organization != null) {
			organizationIds.add(organization);
		}
		else {
			for (int page = 1;; page++) {
				HsdsQueries.Page found = queries.organizations(null, page, 1000);
				organizationIds.addAll(found.ids());
				if (found.ids().size() < 1000) {
					break;
				}
			}
		}
		List<tools.jackson.databind.node.ObjectNode> organizations = documents.organizations(organizationIds, false);
		// the data package has no place for the directory's extension; the JSON export carries it
		services.forEach(s -> {
			((tools.jackson.databind.node.ObjectNode) s).remove(HsdsMapper.EXTENSION);
			if (s.get("organization") instanceof tools.jackson.databind.node.ObjectNode o) {
				o.remove(HsdsMapper.EXTENSION);
			}
		});
		organizations.forEach(o -> o.remove(HsdsMapper.EXTENSION));
		tabular.writeZip(tabular.flatten(services, organizations), out);
	}

	/** Copies the body to a temporary file, refusing more than the configured size. */
	private Path receive(HttpServletRequest request) {
		try {
			Path file = Files.createTempFile("hsds-import-", ".upload");
			try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
				byte[] buffer = new byte[64 * 1024];
				long total = 0;
				for (int n; (n = in.read(buffer)) > 0;) {
					total += n;
					if (total > maxUpload) {
						delete(file);
						throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.problem(
								HttpStatus.CONTENT_TOO_LARGE, "too-large", "An upload may be at most " + maxUpload
										+ " bytes; split the inventory into several imports."), null);
					}
					out.write(buffer, 0, n);
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file; the system cleans it up
		}
	}

}
