package org.workforcepathways.analysis;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code wrd_spanish_stop}: Lucene's Spanish stop words (de, la, en, para, ...). */
@NamedComponent("wrd_spanish_stop")
public class SpanishStopFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new StopFilter(tokenStream, SpanishAnalyzer.getDefaultStopSet());
	}

}
