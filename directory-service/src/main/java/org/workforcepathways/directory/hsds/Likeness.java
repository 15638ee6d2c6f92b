package org.workforcepathways.directory.hsds;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How alike two records from different inventories are: their names, and whether they share a web site, a phone number
 * or a street address. Two inventories rarely spell a name the same way ("South Suburban College" and "South Suburban
 * College, Inc."), so names are compared as word sets and as letter pairs, and the better of the two counts.
 */
public final class Likeness {

	/** Words that say nothing about which organization or program a name means. */
	private static final Set<String> NOISE = Set.of("inc", "llc", "ltd", "co", "corp", "corporation", "company", "the",
			"of", "and", "for", "a", "an", "org", "nfp", "de", "la", "el", "y");

	/** At or above: the same record, merged. */
	public static final double SAME = 0.9;

	/** At or above (and below {@link #SAME}): maybe the same record; an admin decides. */
	public static final double MAYBE = 0.6;

	private Likeness() {
	}

	/** What two records share, and a score from 0 to 1. */
	public record Match(double score, double name, List<String> reasons) {

		public boolean same() {
			return score >= SAME;
		}

		public boolean maybe() {
			return score >= MAYBE && score < SAME;
		}

	}

	/** The facts compared; any may be missing. */
	public record Facts(@Nullable String name, @Nullable String website, @Nullable String phone,
			@Nullable String address) {

	}

	public static Match compare(Facts a, Facts b) {
		double name = names(a.name(), b.name());
		List<String> reasons = new ArrayList<>();
		reasons.add(String.format(Locale.ROOT, "names %.2f alike", name));
		int shared = 0;
		if (host(a.website()) != null && host(a.website()).equals(host(b.website()))) {
			reasons.add("same web site");
			shared++;
		}
		if (digits(a.phone()) != null && digits(a.phone()).equals(digits(b.phone()))) {
			reasons.add("same phone");
			shared++;
		}
		if (words(a.address()).size() >= 2 && words(a.address()).equals(words(b.address()))) {
			reasons.add("same address");
			shared++;
		}
		// a shared site, phone or address makes a fairly alike name convincing; alone they are not (one college,
		// many programs)
		double score = shared > 0 && name >= MAYBE ? Math.min(1, name + 0.3 * shared) : name;
		return new Match(score, name, List.copyOf(reasons));
	}

	/** 0 to 1: the better of word overlap and letter-pair overlap of the names without noise words. */
	public static double names(@Nullable String a, @Nullable String b) {
		Set<String> wa = words(a);
		Set<String> wb = words(b);
		if (wa.isEmpty() || wb.isEmpty()) {
			return 0;
		}
		Set<String> common = new HashSet<>(wa);
		common.retainAll(wb);
		Set<String> union = new HashSet<>(wa);
		union.addAll(wb);
		double jaccard = (double) common.size() / union.size();
		return Math.max(jaccard, dice(String.join(" ", new java.util.TreeSet<>(wa)), String.join(" ", new java.util.TreeSet<>(wb))));
	}

	/** The name's meaningful words, lower case without accents, for blocking candidates by a shared word. */
	public static Set<String> words(@Nullable String text) {
		Set<String> out = new java.util.LinkedHashSet<>();
		if (text == null) {
			return out;
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		for (String w : plain.split("[^a-z0-9]+")) {
			if (!w.isEmpty() && !NOISE.contains(w)) {
				out.add(w);
			}
		}
		return out;
	}

	private static double dice(String a, String b) {
		if (a.length() < 2 || b.length() < 2) {
			return a.equals(b) ? 1 : 0;
		}
		List<String> pa = pairs(a);
		List<String> pb = new ArrayList<>(pairs(b));
		int hits = 0;
		for (String p : pa) {
			if (pb.remove(p)) {
				hits++;
			}
		}
		return 2.0 * hits / (pa.size() + pairs(b).size());
	}

	private static List<String> pairs(String s) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i + 1 < s.length(); i++) {
			out.add(s.substring(i, i + 2));
		}
		return out;
	}

	static @Nullable String host(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(url.contains("://") ? url.strip() : "http://" + url.strip()).getHost();
			return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable String digits(@Nullable String phone) {
		if (phone == null) {
			return null;
		}
		String d = phone.replaceAll("[^0-9]", "");
		// the last ten digits: +1 and a leading 1 are the same number
		return d.length() < 7 ? null : d.substring(Math.max(0, d.length() - 10));
	}

}
