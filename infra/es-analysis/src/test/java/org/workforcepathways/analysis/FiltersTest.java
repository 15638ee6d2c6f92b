package org.workforcepathways.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filters as Lucene runs them, and the plugin metadata Elasticsearch reads. */
class FiltersTest {

	static List<String> analyze(String text, UnaryOperator<TokenStream> chain) throws IOException {
		StandardTokenizer tokenizer = new StandardTokenizer();
		tokenizer.setReader(new java.io.StringReader(text));
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = chain.apply(tokenizer)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

	final LowercaseFilterFactory lowercase = new LowercaseFilterFactory();

	final AsciiFoldingFilterFactory folding = new AsciiFoldingFilterFactory();

	@Test
	void englishStemmingJoinsTheTradeWords() throws IOException {
		var stem = new EnglishStemFilterFactory(() -> List.of("welder=>weld", "machinist=>machin"));
		UnaryOperator<TokenStream> chain = ts -> stem.create(lowercase.create(ts));

		assertThat(analyze("Welder welders welding weld", chain)).containsOnly("weld");
		assertThat(analyze("Machinist machinists machining", chain)).containsOnly("machin");
	}

	@Test
	void accentsFoldAndSpanishStems() throws IOException {
		var spanish = new SpanishStemFilterFactory();
		var stop = new SpanishStopFilterFactory();
		UnaryOperator<TokenStream> chain = ts -> spanish.create(folding.create(stop.create(lowercase.create(ts))));

		assertThat(analyze("Cuidado de niños", chain)).isEqualTo(analyze("cuidado de ninos", chain));
		assertThat(analyze("clases de soldadura", chain)).isEqualTo(analyze("clase soldaduras", chain));
		assertThat(analyze("la de en para", chain)).isEmpty();
	}

	@Test
	void synonymsExpandBothWaysIncludingPhrases() throws IOException {
		var synonyms = new SynonymFilterFactory(() -> List.of("cnc, computer numerical control", "daycare, childcare, child care",
				"soldadura => welding"));
		UnaryOperator<TokenStream> chain = ts -> synonyms.create(folding.create(lowercase.create(ts)));

		assertThat(analyze("CNC", chain)).contains("cnc", "computer", "numerical", "control");
		assertThat(analyze("daycare", chain)).contains("childcare", "child", "care");
		assertThat(analyze("soldadura", chain)).containsExactly("welding");
	}

	@Test
	void edgeNGramsGiveTheWordsPrefixes() throws IOException {
		var ngrams = new EdgeNGramFilterFactory(new EdgeNGramSettings() {
			@Override
			public int minGram() {
				return 2;
			}

			@Override
			public int maxGram() {
				return 5;
			}
		});

		assertThat(analyze("weld", ts -> ngrams.create(lowercase.create(ts)))).containsExactly("we", "wel", "weld");
	}

	@Test
	void aBrokenRuleFailsWithItsText() {
		assertThatThrownBy(() -> new EnglishStemFilterFactory(() -> List.of("welder weld")))
			.hasMessageContaining("welder weld");
	}

	@Test
	void everyNamedComponentIsRegisteredForElasticsearch() throws IOException {
		String json = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/plugin/named_components.json"),
				StandardCharsets.UTF_8);
		for (Class<?> factory : List.of(LowercaseFilterFactory.class, AsciiFoldingFilterFactory.class,
				EnglishStopFilterFactory.class, EnglishStemFilterFactory.class, SpanishStopFilterFactory.class,
				SpanishStemFilterFactory.class, SynonymFilterFactory.class, EdgeNGramFilterFactory.class)) {
			String name = factory.getAnnotation(NamedComponent.class).value();
			assertThat(json).contains("\"" + name + "\": \"" + factory.getName() + "\"");
		}
	}

}
