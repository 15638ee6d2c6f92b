package org.workforcepathways.matching.pathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The region's career pathways, from {@code pathways/manufacturing.json}. Checked when the service starts: every
 * occupation must be a known O*NET occupation and every step must name the directory categories that fulfil it.
 */
@Component
public class Pathways {

	record File(String description, List<Pathway> pathways) {

	}

	private final List<Pathway> all;

	public Pathways(JsonMapper json, Occupations occupations) {
		try (InputStream in = new ClassPathResource("pathways/manufacturing.json").getInputStream()) {
			all = List.copyOf(json.readValue(in, File.class).pathways());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Pathway p : all) {
			for (String code : p.occupations()) {
				if (occupations.find(code).isEmpty()) {
					throw new IllegalStateException("pathway " + p.id() + " names unknown O*NET occupation " + code);
				}
			}
			if (p.steps().isEmpty() || p.steps().stream().anyMatch(s -> s.categories().isEmpty())) {
				throw new IllegalStateException("pathway " + p.id() + " needs steps, each with categories");
			}
		}
	}

	public List<Pathway> all() {
		return all;
	}

	public Optional<Pathway> find(String id) {
		return all.stream().filter(p -> p.id().equals(id)).findFirst();
	}

}
