package org.workforcepathways.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** Parsing of the rule lists the filters take as settings. A bad rule fails index creation with its text. */
final class Rules {

	private Rules() {
	}

	/** {@code welder=>weld} lines; null when there are none. */
	static StemmerOverrideMap overrides(List<String> rules) {
		if (rules == null || rules.isEmpty()) {
			return null;
		}
		var builder = new StemmerOverrideFilter.Builder(true);
		for (String rule : rules) {
			String[] parts = rule.split("=>");
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new IllegalArgumentException("stem override must look like 'word=>stem', was '" + rule + "'");
			}
			builder.add(parts[0].strip(), parts[1].strip());
		}
		try {
			return builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Solr-format synonym lines ({@code cnc, computer numerical control} or {@code a => b}), analyzed the way the
	 * query text is before this filter: standard tokenizer, lower case, accent folding.
	 */
	static SynonymMap synonyms(List<String> rules) {
		Analyzer analyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				StandardTokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer), false);
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
		try (analyzer) {
			SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
			parser.parse(new StringReader(String.join("\n", rules == null ? List.of() : rules)));
			return parser.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("synonym rules: " + ex.getMessage() + " (line " + ex.getErrorOffset() + ")",
					ex);
		}
	}

}
