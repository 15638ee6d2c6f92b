package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Elasticsearch 9 from the integ-test-zip on Maven Central: security off, loopback only. The install is shared; each
 * node has its own config folder ({@code ES_PATH_CONF}), data and logs. A stack runs one node, or two forming one
 * cluster ({@link StackContext#searchNodes()}): the first is master and data node, the others hold data only, so
 * stopping one of them keeps the cluster (with two master-eligible nodes, losing either would stop elections).
 */
final class Elasticsearch extends Part {

	// the nodes of a cluster share the install: unpack it and install the plugin once
	private static final Object INSTALL_LOCK = new Object();

	private final int node;

	Elasticsearch(StackContext ctx, int node) {
		super(ctx, node == 1 ? "elasticsearch" : "elasticsearch-" + node);
		this.node = node;
	}

	@Override
	public int port() {
		return ctx.ports().elasticsearch(node);
	}

	@Override
	protected List<Integer> extraPorts() {
		return List.of(transportPort());
	}

	private int transportPort() {
		return port() + 100;
	}

	@Override
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	Path home() {
		Path zip = ctx.artifacts().elasticsearchZip();
		String version = zip.getParent().getFileName().toString();
		Path target = ctx.layout().engines().resolve("elasticsearch-" + version);
		return Unpack.once(target, logFile(), into -> {
			Unpack.archive(zip, into, logFile());
			Path inner = Unpack.single(into);
			moveUp(inner, into);
		});
	}

	private static void moveUp(Path inner, Path into) {
		if (inner.equals(into)) {
			return;
		}
		try (Stream<Path> s = Files.list(inner)) {
			for (Path p : s.toList()) {
				Files.move(p, into.resolve(p.getFileName()));
			}
			Files.delete(inner);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The project's analysis plugin, (re)installed when the built zip differs from the installed one. */
	private void installAnalysisPlugin(Path home) {
		Path target = ctx.layout().root().resolve("infra/es-analysis/target");
		Path zip;
		try (Stream<Path> s = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			zip = s.filter(p -> p.getFileName().toString().matches("wrd-analysis-.*\\.zip"))
				.findFirst()
				.orElseThrow(() -> new DevstackException("elasticsearch: the analysis plugin is not built (" + target
						+ "); build with './mvnw -pl infra/devstack -am install -DskipTests' (./wrd does this)."));
			String hash = RealmSync.sha256(java.util.HexFormat.of().formatHex(Files.readAllBytes(zip)));
			Path marker = home.resolve("plugins/wrd-analysis/.wrd-sha256");
			if (Files.isRegularFile(marker) && Files.readString(marker).equals(hash)) {
				return;
			}
			if (Files.isDirectory(home.resolve("plugins/wrd-analysis"))) {
				Shell.run(List.of(home.resolve("bin/elasticsearch-plugin").toString(), "remove", "wrd-analysis"), home,
						logFile(), Map.of("ES_JAVA_HOME", ctx.javaHome().toString()));
			}
			Shell.run(List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
					zip.toUri().toString()), home, logFile(), Map.of("ES_JAVA_HOME", ctx.javaHome().toString()));
			Files.writeString(marker, hash);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	protected Launch prepare() {
		Path home;
		synchronized (INSTALL_LOCK) {
			home = home();
			installAnalysisPlugin(home);
		}
		Path base = ctx.dir().resolve(name());
		Path conf = base.resolve("config");
		try {
			if (!Files.isRegularFile(conf.resolve("jvm.options"))) {
				Layout.mkdirs(conf);
				try (Stream<Path> s = Files.list(home.resolve("config"))) {
					for (Path p : s.filter(Files::isRegularFile).toList()) {
						Files.copy(p, conf.resolve(p.getFileName()));
					}
				}
				Layout.mkdirs(conf.resolve("jvm.options.d"));
			}
			Files.writeString(conf.resolve("elasticsearch.yml"), """
					# written by ./wrd for the '%s' stack
					cluster.name: wrd-%s
					node.name: wrd-%s-%d
					network.host: 127.0.0.1
					http.port: %d
					transport.port: %d
					%s
					xpack.security.enabled: false
					path.data: %s
					path.logs: %s
					cluster.routing.allocation.disk.threshold_enabled: false
					action.destructive_requires_name: true
					""".formatted(ctx.stack(), ctx.stack(), ctx.stack(), node, port(), transportPort(), discovery(),
					base.resolve("data"), base.resolve("logs")));
			Files.writeString(conf.resolve("jvm.options.d/heap.options"),
					"-Xms%1$s\n-Xmx%1$s\n".formatted(heap()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Layout.mkdirs(base.resolve("tmp"));
		ctx.user().own(base);
		return new Launch(List.of(home.resolve("bin/elasticsearch").toString()), home,
				Map.of("ES_JAVA_HOME", ctx.javaHome().toString(), "ES_PATH_CONF", conf.toString(), "ES_TMPDIR",
						base.resolve("tmp").toString(), "HOME", base.toString()),
				true);
	}

	private String discovery() {
		if (ctx.searchNodes() == 1) {
			return "discovery.type: single-node";
		}
		List<String> seeds = new java.util.ArrayList<>();
		for (int n = 1; n <= ctx.searchNodes(); n++) {
			seeds.add("\"127.0.0.1:" + (ctx.ports().elasticsearch(n) + 100) + "\"");
		}
		String roles = node == 1 ? "cluster.initial_master_nodes: [\"wrd-%s-1\"]".formatted(ctx.stack())
				: "node.roles: [ data, ingest ]";
		return "discovery.seed_hosts: [" + String.join(", ", seeds) + "]\n" + roles;
	}

	private String heap() {
		String h = ctx.env("WRD_ELASTICSEARCH_HEAP");
		return h == null || h.isBlank() ? "512m" : h;
	}

	@Override
	public boolean healthy() {
		return Net.ok(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(180);
	}

}
