package org.workforcepathways.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code wrd_asciifolding}: niños = ninos, educación = educacion, whichever way people type it. */
@NamedComponent("wrd_asciifolding")
public class AsciiFoldingFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return new ASCIIFoldingFilter(tokenStream, false);
	}

	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return create(tokenStream);
	}

}
