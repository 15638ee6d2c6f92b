package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak 26 from keycloak-quarkus-dist on Maven Central, {@code start-dev --import-realm} with the realm kept in
 * {@code infra/keycloak/}. Each stack unpacks its own copy because Keycloak keeps its dev database inside its home.
 * The hostname is fixed so every token carries the same issuer, whichever address fetched it.
 */
final class Keycloak extends Part {

	static final String REALM = "workforce";

	Keycloak(StackContext ctx) {
		super(ctx, "keycloak");
	}

	@Override
	public int port() {
		return ctx.ports().keycloak();
	}

	@Override
	protected List<Integer> extraPorts() {
		return List.of(ctx.ports().keycloakManagement());
	}

	@Override
	public String url() {
		return "http://localhost:" + port();
	}

	public String issuer() {
		return url() + "/realms/" + REALM;
	}

	private Path home() {
		Path tgz = ctx.artifacts().keycloakTarGz();
		return Unpack.single(Unpack.once(ctx.dir().resolve("keycloak"), logFile(), into -> Unpack.archive(tgz, into, logFile())));
	}

	@Override
	protected Launch prepare() {
		Path home = home();
		Path realm = ctx.layout().root().resolve("infra/keycloak/workforce-realm.json");
		try {
			Path imports = Layout.mkdirs(home.resolve("data/import"));
			Files.writeString(imports.resolve("workforce-realm.json"), RealmSync.withHash(Files.readString(realm)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Launch(List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=127.0.0.1",
				"--http-port=" + port(), "--http-management-port=" + ctx.ports().keycloakManagement(),
				"--hostname=" + url(), "--health-enabled=true", "--import-realm", "-Dwrd.stack=" + ctx.dir()), home,
				Map.of("JAVA_HOME", ctx.javaHome().toString(), "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx" + heap(),
						"KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
				false);
	}

	private String heap() {
		String h = ctx.env("WRD_KEYCLOAK_HEAP");
		return h == null || h.isBlank() ? "512m" : h;
	}

	@Override
	public boolean healthy() {
		return Net.ok("http://127.0.0.1:" + ctx.ports().keycloakManagement() + "/health/ready")
				&& Net.ok("http://127.0.0.1:" + port() + "/realms/" + REALM + "/.well-known/openid-configuration");
	}

	@Override
	protected void afterHealthy() {
		new RealmSync("http://127.0.0.1:" + port())
			.sync(ctx.layout().root().resolve("infra/keycloak/workforce-realm.json"));
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(240);
	}

}
