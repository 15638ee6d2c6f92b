package org.workforcepathways.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/** Settings of {@code wrd_edge_ngram}. */
@AnalysisSettings
public interface EdgeNGramSettings {

	@IntSetting(path = "min_gram", defaultValue = 2)
	int minGram();

	@IntSetting(path = "max_gram", defaultValue = 15)
	int maxGram();

}
