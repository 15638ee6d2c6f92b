package org.workforcepathways.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code wrd_edge_ngram}: prefixes of each word at index time, for type-ahead ("wel" finds welding). */
@NamedComponent("wrd_edge_ngram")
public class EdgeNGramFilterFactory implements TokenFilterFactory {

	private final int minGram;

	private final int maxGram;

	@Inject
	public EdgeNGramFilterFactory(EdgeNGramSettings settings) {
		if (settings.minGram() < 1 || settings.maxGram() < settings.minGram()) {
			throw new IllegalArgumentException("wrd_edge_ngram needs 1 <= min_gram <= max_gram");
		}
		this.minGram = settings.minGram();
		this.maxGram = settings.maxGram();
	}

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, true);
	}

	@Override
	public AnalysisMode getAnalysisMode() {
		return AnalysisMode.INDEX_TIME;
	}

}
