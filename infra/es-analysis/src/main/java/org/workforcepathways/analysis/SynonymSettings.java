package org.workforcepathways.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code wrd_synonyms}: the synonym lines, Solr format. */
@AnalysisSettings
public interface SynonymSettings {

	@ListSetting(path = "synonyms")
	List<String> synonyms();

}
