package org.workforcepathways.matching.intake;

import java.util.List;
import java.util.Map;

/**
 * The interest items of the intake: two short statements per RIASEC area (Holland's Realistic, Investigative,
 * Artistic, Social, Enterprising, Conventional), answered no / maybe / yes. Brief on purpose (12 items, about two
 * minutes); O*NET's interest profiles of occupations are on the same six areas.
 */
public final class InterestItems {

	/** One statement, with the area it counts toward. */
	public record Item(String id, char area, Map<String, String> text) {

	}

	public static final List<Item> ALL = List.of(
			new Item("r1", 'R', Map.of("en", "Build or fix things with my hands", "es", "Construir o reparar cosas con mis manos")),
			new Item("r2", 'R', Map.of("en", "Work with machines and tools", "es", "Trabajar con máquinas y herramientas")),
			new Item("i1", 'I', Map.of("en", "Figure out how things work", "es", "Descubrir cómo funcionan las cosas")),
			new Item("i2", 'I', Map.of("en", "Solve problems with numbers and measurements", "es", "Resolver problemas con números y medidas")),
			new Item("a1", 'A', Map.of("en", "Design or draw things", "es", "Diseñar o dibujar cosas")),
			new Item("a2", 'A', Map.of("en", "Make something look good", "es", "Hacer que algo se vea bien")),
			new Item("s1", 'S', Map.of("en", "Help or teach people", "es", "Ayudar o enseñar a otras personas")),
			new Item("s2", 'S', Map.of("en", "Work closely with a team", "es", "Trabajar de cerca con un equipo")),
			new Item("e1", 'E', Map.of("en", "Take charge and lead a group", "es", "Tomar la iniciativa y dirigir un grupo")),
			new Item("e2", 'E', Map.of("en", "Convince people or sell", "es", "Convencer a la gente o vender")),
			new Item("c1", 'C', Map.of("en", "Keep things organized and exact", "es", "Mantener las cosas ordenadas y exactas")),
			new Item("c2", 'C', Map.of("en", "Follow clear steps and checklists", "es", "Seguir pasos claros y listas de control")));

	/** The RIASEC areas in O*NET's order. */
	public static final String AREAS = "RIASEC";

	private InterestItems() {
	}

	/** The person's profile: per area, the sum of its answers (0 to 4), in RIASEC order. */
	public static double[] profile(Map<String, Integer> answers) {
		double[] out = new double[6];
		for (Item item : ALL) {
			Integer a = answers.get(item.id());
			if (a != null) {
				out[AREAS.indexOf(item.area())] += a;
			}
		}
		return out;
	}

	public static boolean knows(String id) {
		return ALL.stream().anyMatch(i -> i.id().equals(id));
	}

}
