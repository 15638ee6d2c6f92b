package org.workforcepathways.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code wrd_synonyms}: a synonym graph at search time (cnc = computer numerical control, daycare = child care,
 * soldadura = welding, ...). Search time only, so editing the list needs no reindex.
 */
@NamedComponent("wrd_synonyms")
public class SynonymFilterFactory implements TokenFilterFactory {

	private final SynonymMap synonyms;

	@Inject
	public SynonymFilterFactory(SynonymSettings settings) {
		this.synonyms = Rules.synonyms(settings.synonyms());
	}

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, true);
	}

	@Override
	public AnalysisMode getAnalysisMode() {
		return AnalysisMode.SEARCH_TIME;
	}

}
