package org.workforcepathways.analysis;


import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code wrd_english_stem}: Porter stemming, then overrides on the stems for the trade words Porter leaves apart
 * (welder/welders stem to "welder", welding to "weld": an override {@code welder=>weld} joins them).
 */
@NamedComponent("wrd_english_stem")
public class EnglishStemFilterFactory implements TokenFilterFactory {

	private final StemmerOverrideMap overrides;

	@Inject
	public EnglishStemFilterFactory(StemOverrideSettings settings) {
		this.overrides = Rules.overrides(settings.overrides());
	}

	@Override
	public TokenStream create(TokenStream tokenStream) {
		TokenStream stemmed = new PorterStemFilter(tokenStream);
		return overrides == null ? stemmed : new StemmerOverrideFilter(stemmed, overrides);
	}


}
