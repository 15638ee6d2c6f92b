package org.workforcepathways.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code wrd_lowercase}: Lucene's lower-casing (the distribution's own lives in the missing analysis-common). */
@NamedComponent("wrd_lowercase")
public class LowercaseFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new LowerCaseFilter(tokenStream);
	}

	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return create(tokenStream);
	}

}
