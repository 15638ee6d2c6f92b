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

	@Test
	void findsAZipTypedWithTheWordsAndTakesItOut() {
		assertThat(QueryText.zipIn("daycare near 60617")).hasValueSatisfying(m -> {
			assertThat(m.zip()).isEqualTo("60617");
			assertThat(m.rest()).isEqualTo("daycare");
		});
		assertThat(QueryText.zipIn("esl cerca de 46320 por la noche")).hasValueSatisfying(m -> {
			assertThat(m.zip()).isEqualTo("46320");
			assertThat(m.rest()).isEqualTo("esl por la noche");
		});
		assertThat(QueryText.zipIn("60628 welding")).hasValueSatisfying(m -> assertThat(m.rest()).isEqualTo("welding"));
		assertThat(QueryText.zipIn("osha 10 training")).isEmpty();
		assertThat(QueryText.zipIn("call 7735550100")).isEmpty();
	}

}
