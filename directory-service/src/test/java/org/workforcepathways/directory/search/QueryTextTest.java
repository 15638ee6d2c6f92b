package org.workforcepathways.directory.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTextTest {

	@Test
	void lowerCasesCollapsesSpacesAndDropsControlCharacters() {
		assertThat(QueryText.normalize("  Welder\tCLASSES\u0000\n near  60617 ")).isEqualTo("welder classes near 60617");
	}

	@Test
	void keepsAccentsAndPunctuationAsText() {
		assertThat(QueryText.normalize("Niños (daycare) AND \"cnc\"")).isEqualTo("niños (daycare) and \"cnc\"");
	}

	@Test
	void nothingIsAnEmptyQuery() {
		assertThat(QueryText.normalize(null)).isEmpty();
		assertThat(QueryText.normalize("\u200b \u0007")).isEmpty();
	}

}
