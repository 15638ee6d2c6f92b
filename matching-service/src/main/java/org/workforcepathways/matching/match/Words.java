package org.workforcepathways.matching.match;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The plain words matches are explained in, English and Spanish. Short phrases a person can scan on a phone:
 * "evening classes", "3.2 miles away", "starts in 6 weeks".
 */
final class Words {

	private static final Map<String, Map<String, String>> PHRASES = Map.ofEntries(
			entry("day", "day classes", "clases de día"), entry("evening", "evening classes", "clases de noche"),
			entry("weekend", "weekend classes", "clases de fin de semana"),
			entry("miles", "%s miles away", "a %s millas"), entry("free", "free", "gratis"),
			entry("paid", "paid while you learn", "le pagan mientras aprende"),
			entry("costs", "costs %s", "cuesta %s"),
			entry("startsSoon", "starts in %d days", "empieza en %d días"),
			entry("startsLater", "starts in %d weeks", "empieza en %d semanas"),
			entry("noSeats", "no open seats right now", "no hay cupo por ahora"),
			entry("seats", "%d seats open", "%d cupos disponibles"),
			entry("onlyWhen", "only %s", "solo %s"),
			entry("support.childcare", "childcare available", "ofrece cuidado infantil"),
			entry("support.transit", "help with transportation", "ayuda con transporte"),
			entry("support.stipend", "stipend while you train", "estipendio durante la capacitación"),
			entry("support.tools", "tools provided", "se dan herramientas"),
			entry("spanish", "taught in Spanish", "se enseña en español"),
			entry("notYourLanguage", "taught in %s only", "solo en %s"),
			entry("record", "welcomes people with a record", "acepta a personas con antecedentes"),
			entry("credential", "earns %s", "obtiene %s"),
			entry("hasGed", "you said you have a GED", "usted dijo que tiene un GED"),
			entry("hasDiploma", "you said you have a high school diploma", "usted dijo que tiene diploma de preparatoria"),
			entry("needsDiploma", "needs a high school diploma or GED; a bridge or GED program gets you there",
					"requiere diploma de preparatoria o GED; un programa puente o de GED le ayuda"),
			entry("needsLicence", "needs a driver's licence", "requiere licencia de manejo"),
			entry("hasLicence", "you have a driver's licence", "usted tiene licencia de manejo"),
			entry("experience", "you have experience in %s", "tiene experiencia en %s"),
			entry("interests", "interests: %s", "intereses: %s"),
			entry("nearby", "%d programs within %d miles", "%d programas a menos de %d millas"),
			entry("noneNearby", "no program within %d miles yet", "aún no hay programas a menos de %d millas"),
			entry("directoryDown", "the directory could not be reached; programs and services are missing, try again soon",
					"no pudimos consultar el directorio; faltan programas y servicios, intente de nuevo pronto"),
			entry("meetsRules", "meets its entry rules (%s)", "cumple sus requisitos (%s)"),
			entry("askProvider", "ask the provider about: %s", "pregunte al proveedor sobre: %s"),
			entry("leftOut", "left out, as their entry rules exclude you (%2$s): %1$d", "no incluidos, porque sus requisitos lo excluyen (%2$s): %1$d"),
			entry("rule.education", "education", "estudios"), entry("rule.drivers_license", "driver's licence", "licencia de manejo"),
			entry("rule.residency_zip", "where you live", "dónde vive"), entry("rule.age", "age", "edad"),
			entry("rule.income", "income", "ingresos"), entry("rule.work_authorization", "work authorization", "permiso de trabajo"),
			entry("rule.prerequisite", "a prerequisite", "un requisito previo"),
			entry("R", "hands-on, building things", "trabajo manual, construir cosas"),
			entry("I", "figuring out how things work", "entender cómo funcionan las cosas"),
			entry("A", "designing and creating", "diseñar y crear"), entry("S", "helping people", "ayudar a la gente"),
			entry("E", "leading and persuading", "dirigir y convencer"),
			entry("C", "organized, exact work", "trabajo ordenado y exacto"),
			entry("barrier.childcare", "Childcare", "Cuidado infantil"),
			entry("barrier.transportation", "Transportation", "Transporte"),
			entry("barrier.housing", "Housing", "Vivienda"), entry("barrier.record", "Help with a record", "Ayuda con antecedentes"),
			entry("barrier.language", "English classes", "Clases de inglés"),
			entry("barrier.digital_access", "Computer and internet access", "Acceso a computadora e internet"));

	private final String language;

	Words(String language) {
		this.language = language.equals("es") ? "es" : "en";
	}

	String say(String key, Object... args) {
		Map<String, String> phrase = PHRASES.get(key);
		if (phrase == null) {
			throw new IllegalArgumentException("no phrase " + key);
		}
		return args.length == 0 ? phrase.get(language) : String.format(locale(), phrase.get(language), args);
	}

	String money(BigDecimal amount) {
		NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
		f.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
		return f.format(amount);
	}

	String miles(double miles) {
		return String.format(locale(), "%.1f", miles);
	}

	private Locale locale() {
		return language.equals("es") ? Locale.forLanguageTag("es-US") : Locale.US;
	}

	private static Map.Entry<String, Map<String, String>> entry(String key, String en, String es) {
		return Map.entry(key, Map.of("en", en, "es", es));
	}

}
