package org.workforcepathways.matching.pathway;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.workforcepathways.matching.directory.DirectoryClient;
import org.workforcepathways.matching.directory.DirectoryPage;

/**
 * Training programs for one stated interest, read live from the directory (no copy that could go stale). The first,
 * thin piece of matching; intakes and ranked pathways build on it.
 */
@RestController
@RequestMapping("/api/matching")
class ProgramSuggestionController {

	private final DirectoryClient directory;

	ProgramSuggestionController(DirectoryClient directory) {
		this.directory = directory;
	}

	@GetMapping("/programs")
	@Operation(summary = "Training programs in the directory for an interest, e.g. welding")
	ProgramSuggestions programs(
			@RequestParam("interest") @NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") String interest,
			@RequestParam(name = "size", defaultValue = "5") @Min(value = 1, message = "must be at least 1") @Max(
					value = 20, message = "must be at most 20") int size) {
		DirectoryPage page = directory.search(interest.strip(), Math.min(50, size * 3));
		var programs = page.results()
			.stream()
			.filter(l -> "training_program".equals(l.kind()))
			.limit(size)
			.map(l -> new ProgramSuggestions.Program(l.id(), l.title(), l.organization(), l.city(), l.free()))
			.toList();
		return new ProgramSuggestions(interest.strip(), programs);
	}

}
