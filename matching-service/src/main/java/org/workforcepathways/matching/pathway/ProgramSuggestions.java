package org.workforcepathways.matching.pathway;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Programs suggested for an interest, best first. */
record ProgramSuggestions(String interest, List<Program> programs) {

	record Program(String id, String title, String organization, @Nullable String city, boolean free) {

	}

}
