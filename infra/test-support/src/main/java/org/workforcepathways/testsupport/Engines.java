package org.workforcepathways.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.workforcepathways.devstack.Databases;

/**
 * Addresses of a running set of real engines, however they were started.
 *
 * @param postgresUrl JDBC URL up to the database name, e.g. {@code jdbc:postgresql://127.0.0.1:25432/}
 * @param postgresAdminUser a superuser that may create databases and roles
 * @param postgresAdminPassword its password
 * @param elasticsearchUrl e.g. {@code http://127.0.0.1:29200}
 * @param kafkaBootstrap e.g. {@code 127.0.0.1:29092}
 * @param keycloakUrl e.g. {@code http://localhost:28080}
 * @param origin how they were started, for the log: native (./wrd test), native (started here) or containers
 */
public record Engines(String postgresUrl, String postgresAdminUser, String postgresAdminPassword,
		String elasticsearchUrl, String kafkaBootstrap, String keycloakUrl, String origin) {

	public static final String REALM = "workforce";

	public String issuer() {
		return keycloakUrl + "/realms/" + REALM;
	}

	/**
	 * The Spring Boot properties that point a service at these engines, with a database of its own (created if
	 * missing, or none when {@code database} is null): datasource, Elasticsearch, Kafka and the Keycloak issuer.
	 */
	public Map<String, String> serviceProperties(@Nullable String database) {
		Map<String, String> p = new LinkedHashMap<>();
		if (database != null) {
			p.put("spring.datasource.url", database(database));
			p.put("spring.datasource.username", database);
			p.put("spring.datasource.password", database);
		}
		p.put("spring.elasticsearch.uris", elasticsearchUrl);
		p.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
		p.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer());
		return p;
	}

	public String jdbcUrl(String database) {
		return postgresUrl + database;
	}

	/**
	 * Creates a database with an owner role of the same name (password = name) if missing, so each module's tests
	 * have a database of their own, as each service has in production.
	 */
	public String database(String name) {
		try (Connection c = DriverManager.getConnection(postgresUrl + "postgres", postgresAdminUser,
				postgresAdminPassword); Statement s = c.createStatement()) {
			Databases.ensure(s, name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name + " on " + postgresUrl, ex);
		}
		return jdbcUrl(name);
	}

}
