package org.workforcepathways.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code wrd_english_stem}: rules {@code stem=>replacement} applied to the Porter stems. */
@AnalysisSettings
public interface StemOverrideSettings {

	@ListSetting(path = "overrides")
	List<String> overrides();

}
