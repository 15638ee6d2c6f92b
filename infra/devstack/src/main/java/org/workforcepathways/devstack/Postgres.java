package org.workforcepathways.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 17 from the zonky binaries on Maven Central: initdb on first start, then {@code postgres} in the
 * foreground (so its pid is ours). Each service gets its own role and database; no database is open to the others.
 */
final class Postgres extends Part {

	/** The databases the services own, each with a login role of the same name. */
	static final List<String> DATABASES = List.of("directory", "matching", "metrics");

	Postgres(StackContext ctx) {
		super(ctx, "postgres");
	}

	@Override
	public int port() {
		return ctx.ports().postgres();
	}

	@Override
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/<service>";
	}

	private Path home() {
		Path jar = ctx.artifacts().postgresBinariesJar();
		String version = jar.getParent().getFileName().toString();
		Path target = ctx.layout().engines().resolve("postgres-" + version);
		return Unpack.once(target, logFile(), into -> {
			Path txz = Unpack.entryOf(jar, ".txz", into.resolveSibling("postgres.txz"));
			Unpack.archive(txz, into, logFile());
			try {
				Files.delete(txz);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	private Path data() {
		return ctx.dir().resolve("postgres/data");
	}

	@Override
	protected Launch prepare() {
		Path home = home();
		Path data = data();
		if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
			ctx.user().own(data.getParent());
			ctx.user()
				.runAs(List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A",
						"trust", "-E", "UTF8", "--no-locale"), home, logFile());
		}
		ctx.user().own(data.getParent());
		return new Launch(List.of(home.resolve("bin/postgres").toString(), "-D", data.toString(), "-p",
				Integer.toString(port()), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
				"-c", "max_connections=200", "-c", "shared_buffers=128MB", "-c", "fsync=on"), home,
				Map.of("LC_ALL", "C"), true);
	}

	@Override
	public boolean healthy() {
		if (!Net.accepts(port())) {
			return false;
		}
		try (Connection c = connect("postgres")) {
			return c.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(90);
	}

	@Override
	protected void afterHealthy() {
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			for (String db : DATABASES) {
				Databases.ensure(s, db);
			}
		}
		catch (SQLException ex) {
			throw new DevstackException("postgres: creating the service databases failed: " + ex.getMessage(), ex);
		}
	}

	Connection connect(String db) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + db + "?connectTimeout=3",
				"postgres", "");
	}

}
