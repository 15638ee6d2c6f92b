package org.workforcepathways.metrics.campaign;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.platform.Problems;

/** Campaigns, their pieces and targets: admins define them, city staff read them. */
@RestController
@RequestMapping("/api/metrics/campaigns")
class CampaignController {

	private final Campaigns campaigns;

	CampaignController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('city_staff', 'admin')")
	@Operation(summary = "Every campaign, newest first")
	List<Campaign> all() {
		return campaigns.all();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('city_staff', 'admin')")
	@Operation(summary = "One campaign with its components and targets")
	Campaign one(@PathVariable UUID id) {
		return campaigns.find(id).orElseThrow(() -> Problems.notFound("No campaign " + id + "."));
	}

	@PostMapping
	@PreAuthorize("hasRole('admin')")
	@Operation(summary = "Define a campaign: period, scope, targets and its coded pieces (409 if a code is taken)")
	ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest request) {
		Campaign created = campaigns.create(request);
		return ResponseEntity.created(URI.create("/api/metrics/campaigns/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('admin')")
	@Operation(summary = "Replace a campaign's definition; its counts are not touched (they live with the events)")
	Campaign replace(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
		return campaigns.replace(id, request).orElseThrow(() -> Problems.notFound("No campaign " + id + "."));
	}

}
