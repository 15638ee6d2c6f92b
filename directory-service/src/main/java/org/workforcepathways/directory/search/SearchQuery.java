package org.workforcepathways.directory.search;

import org.jspecify.annotations.Nullable;

/** A validated search: normalized text (empty = browse), page size and the campaign code if any. */
record SearchQuery(String text, int size, @Nullable String campaign) {

}
