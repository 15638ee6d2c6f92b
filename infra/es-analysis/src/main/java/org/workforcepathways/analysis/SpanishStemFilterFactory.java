package org.workforcepathways.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code wrd_spanish_stem}: light Spanish stemming (clases = clase, soldaduras = soldadura). */
@NamedComponent("wrd_spanish_stem")
public class SpanishStemFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new SpanishLightStemFilter(tokenStream);
	}

}
