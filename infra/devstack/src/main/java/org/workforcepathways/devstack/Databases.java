package org.workforcepathways.devstack;

import java.sql.SQLException;
import java.sql.Statement;

/** One database per service, owned by a login role of the same name, closed to every other role. */
public final class Databases {

	private Databases() {
	}

	/** Creates the role and the database if missing; {@code statement} must belong to a superuser's connection. */
	public static void ensure(Statement statement, String name) throws SQLException {
		if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("database name must be lower-case letters, digits or '_': " + name);
		}
		try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + name + "'")) {
			if (!rs.next()) {
				statement.execute("create role " + name + " login password '" + name + "'");
			}
		}
		try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
			if (!rs.next()) {
				statement.execute("create database " + name + " owner " + name);
				statement.execute("revoke connect on database " + name + " from public");
			}
		}
	}

}
