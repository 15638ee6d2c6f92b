package org.workforcepathways.directory.screener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.platform.Problems.FieldProblem;

/**
 * A provider's short eligibility screener for a program: a few typed questions. Checking answers gives "likely
 * eligible", "likely not eligible because ..." or "check with the provider"; it never decides, and it never blocks a
 * referral.
 */
public record Screener(List<Question> questions) {

	/** The question types and what each answer is. */
	public static final Map<String, String> TYPES = Map.of("min_age", "age in years", "max_age", "age in years",
			"residency_zip", "5-digit ZIP", "income_max_percent_fpl",
			"household income as a percent of the federal poverty line", "education", "none, hs_diploma, ged, "
					+ "some_college, associate or bachelor",
			"work_authorization", "yes or no", "drivers_license", "yes or no", "prerequisite", "yes or no");

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,30}");

	private static final List<String> EDUCATION = List.of("none", "hs_diploma", "ged", "some_college", "associate",
			"bachelor");

	public Screener {
		questions = questions == null ? List.of() : List.copyOf(questions);
	}

	/**
	 * One question.
	 *
	 * @param limit for ages and income: the boundary
	 * @param values for residency: the ZIPs (or 3-digit ZIP prefixes) that qualify
	 * @param text what the person is asked, by language
	 */
	public record Question(String id, String type, @Nullable Integer limit, @Nullable List<String> values,
			Map<String, String> text) {

		public Question {
			values = values == null ? List.of() : List.copyOf(values);
			text = text == null ? Map.of() : Map.copyOf(text);
		}

	}

	/** The outcome of a check; {@code reasons} say which answers led there. */
	public record Result(String result, List<String> reasons, List<String> unanswered) {

	}

	/** Every problem with the screener as a provider wrote it, each naming its field. */
	public List<FieldProblem> problems() {
		List<FieldProblem> p = new ArrayList<>();
		if (questions.isEmpty() || questions.size() > 10) {
			p.add(new FieldProblem("questions", "must be 1 to 10 questions"));
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			String at = "questions[" + i + "]";
			if (q.id() == null || !ID.matcher(q.id()).matches() || !ids.add(q.id())) {
				p.add(new FieldProblem(at + ".id", "must be a unique short name like min_age"));
			}
			if (q.type() == null || !TYPES.containsKey(q.type())) {
				p.add(new FieldProblem(at + ".type", "must be one of " + String.join(", ", new java.util.TreeSet<>(TYPES.keySet()))));
				continue;
			}
			boolean needsLimit = Set.of("min_age", "max_age", "income_max_percent_fpl").contains(q.type());
			if (needsLimit && (q.limit() == null || q.limit() < 0 || q.limit() > 1000)) {
				p.add(new FieldProblem(at + ".limit", "is required for " + q.type() + " (0-1000)"));
			}
			if (q.type().equals("residency_zip") && (q.values().isEmpty() || q.values().size() > 500
					|| q.values().stream().anyMatch(v -> v == null || !v.matches("\\d{3}|\\d{5}")))) {
				p.add(new FieldProblem(at + ".values", "must list the ZIPs or 3-digit ZIP prefixes that qualify"));
			}
			if (q.type().equals("education") && (q.values().size() != 1 || !EDUCATION.contains(q.values().getFirst()))) {
				p.add(new FieldProblem(at + ".values", "must name the least education needed, one of " + EDUCATION));
			}
			if (q.text().getOrDefault("en", "").isBlank() || q.text().values().stream().anyMatch(t -> t.length() > 300)) {
				p.add(new FieldProblem(at + ".text", "needs the question in English (en), each text at most 300 characters"));
			}
		}
		return p;
	}

	/** Checks answers (question id to answer text); an answer left out or "not sure" counts as unknown. */
	public Result check(Map<String, String> answers) {
		List<String> failed = new ArrayList<>();
		List<String> unanswered = new ArrayList<>();
		for (Question q : questions) {
			String a = answers.get(q.id());
			if (a == null || a.isBlank() || a.equalsIgnoreCase("not_sure")) {
				unanswered.add(q.id());
				continue;
			}
			String why = failure(q, a.strip());
			if (why == UNREADABLE) {
				unanswered.add(q.id());
			}
			else if (why != null) {
				failed.add(why);
			}
		}
		if (!failed.isEmpty()) {
			return new Result("likely_not_eligible", failed, unanswered);
		}
		return unanswered.isEmpty() ? new Result("likely_eligible", List.of(), List.of())
				: new Result("check_with_provider", List.of(), unanswered);
	}

	/** An answer that cannot be read: the provider checks it. */
	private static final String UNREADABLE = new String("unreadable");

	/** Why an answer does not qualify, null when it does, or {@link #UNREADABLE}. */
	private static @Nullable String failure(Question q, String a) {
		try {
			if (q.type().equals("education") && !EDUCATION.contains(a)
					|| Set.of("work_authorization", "drivers_license", "prerequisite").contains(q.type())
							&& !a.equalsIgnoreCase("yes") && !a.equalsIgnoreCase("no")
					|| q.type().equals("residency_zip") && !a.matches("\\d{5}")) {
				return UNREADABLE;
			}
			return switch (q.type()) {
				case "min_age" -> Integer.parseInt(a) < q.limit() ? "must be at least " + q.limit() + " years old" : null;
				case "max_age" -> Integer.parseInt(a) > q.limit() ? "must be at most " + q.limit() + " years old" : null;
				case "income_max_percent_fpl" -> Integer.parseInt(a) > q.limit()
						? "household income must be at or below " + q.limit() + "% of the poverty line" : null;
				case "residency_zip" -> q.values().stream().noneMatch(a::startsWith) ? "must live in the program's area" : null;
				case "education" -> rank(a) < rank(q.values().getFirst())
						? "needs at least " + q.values().getFirst().replace('_', ' ') : null;
				default -> a.equalsIgnoreCase("no") ? q.text().getOrDefault("en", q.id()) + ": answered no" : null;
			};
		}
		catch (NumberFormatException ex) {
			return UNREADABLE;
		}
	}

	/** GED and a diploma count the same. */
	private static int rank(String education) {
		int i = EDUCATION.indexOf(education);
		return i >= 2 ? i - 1 : i;
	}

}
