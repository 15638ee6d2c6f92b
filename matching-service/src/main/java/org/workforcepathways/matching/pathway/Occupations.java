package org.workforcepathways.matching.pathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * O*NET 29.0 manufacturing occupations with their interest (RIASEC) profiles and Job Zones, from
 * {@code onet/manufacturing.csv} (CC BY 4.0; attribution in {@code onet/README.md}).
 */
@Component
public class Occupations {

	/** An occupation; interests on O*NET's 1-7 scale in the order R, I, A, S, E, C. */
	public record Occupation(String code, String title, int jobZone, double[] interests) {

	}

	record Row(@JsonProperty("soc_code") String code, @JsonProperty("title") String title,
			@JsonProperty("job_zone") int jobZone, @JsonProperty("riasec_realistic") double r,
			@JsonProperty("riasec_investigative") double i, @JsonProperty("riasec_artistic") double a,
			@JsonProperty("riasec_social") double s, @JsonProperty("riasec_enterprising") double e,
			@JsonProperty("riasec_conventional") double c, @JsonProperty("high_point_code") String highPoint) {

	}

	private final Map<String, Occupation> byCode = new LinkedHashMap<>();

	public Occupations() {
		try (InputStream in = new ClassPathResource("onet/manufacturing.csv").getInputStream();
				var rows = new CsvMapper().readerFor(Row.class)
					.with(CsvSchema.emptySchema().withHeader())
					.<Row>readValues(in)) {
			rows.forEachRemaining(r -> byCode.put(r.code(), new Occupation(r.code(), r.title(), r.jobZone(),
					new double[] { r.r(), r.i(), r.a(), r.s(), r.e(), r.c() })));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<Occupation> find(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

}
