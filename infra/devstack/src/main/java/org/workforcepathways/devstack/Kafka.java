package org.workforcepathways.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.workforcepathways.contracts.Topics;

/**
 * One Kafka 4 node in KRaft combined mode (broker and controller), run from the kafka_2.13 jars on Maven Central in
 * its own JVM. A stack runs one, or three forming one cluster ({@link StackContext#brokers()}): then every topic has 3
 * replicas and needs 2 in sync, so one node can stop without losing or refusing a write. Storage is formatted on first
 * start with the stack's cluster id; the project's topics are created once the cluster answers.
 */
final class Kafka extends Part {

	private static final Object CLUSTER_ID_LOCK = new Object();

	private final int node;

	Kafka(StackContext ctx, int node) {
		super(ctx, node == 1 ? "kafka" : "kafka-" + node);
		this.node = node;
	}

	@Override
	public int port() {
		return ctx.ports().kafka(node);
	}

	@Override
	protected List<Integer> extraPorts() {
		return List.of(ctx.ports().kafkaController(node));
	}

	private int replication() {
		return ctx.brokers() >= 3 ? 3 : 1;
	}

	private int minInSync() {
		return ctx.brokers() >= 3 ? 2 : 1;
	}

	private String voters() {
		List<String> voters = new ArrayList<>();
		for (int n = 1; n <= ctx.brokers(); n++) {
			voters.add(n + "@127.0.0.1:" + ctx.ports().kafkaController(n));
		}
		return String.join(",", voters);
	}

	@Override
	public String url() {
		return "127.0.0.1:" + port();
	}

	@Override
	protected Launch prepare() {
		Path base = Layout.mkdirs(ctx.dir().resolve(name()));
		Path props = base.resolve("server.properties");
		Path log4j = base.resolve("log4j2.properties");
		Path data = base.resolve("data");
		try {
			Files.writeString(props, """
					# written by ./wrd for the '%s' stack
					process.roles=broker,controller
					node.id=%d
					controller.quorum.voters=%s
					listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
					advertised.listeners=PLAINTEXT://127.0.0.1:%d
					listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
					controller.listener.names=CONTROLLER
					inter.broker.listener.name=PLAINTEXT
					log.dirs=%s
					num.partitions=%d
					auto.create.topics.enable=false
					default.replication.factor=%d
					min.insync.replicas=%d
					offsets.topic.replication.factor=%d
					transaction.state.log.replication.factor=%d
					transaction.state.log.min.isr=%d
					share.coordinator.state.topic.replication.factor=%d
					share.coordinator.state.topic.min.isr=%d
					group.initial.rebalance.delay.ms=0
					""".formatted(ctx.stack(), node, voters(), port(), ctx.ports().kafkaController(node), port(), data,
					Topics.DEFAULT_PARTITIONS, replication(), minInSync(), replication(), replication(), minInSync(),
					replication(), minInSync()));
			Files.writeString(log4j, """
					status = warn
					appender.console.type = Console
					appender.console.name = STDOUT
					appender.console.layout.type = PatternLayout
					appender.console.layout.pattern = [%d] %p %m (%c)%n
					rootLogger.level = INFO
					rootLogger.appenderRef.stdout.ref = STDOUT
					logger.kafka.name = kafka
					logger.kafka.level = INFO
					logger.state.name = state.change.logger
					logger.state.level = WARN
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String classpath = ctx.artifacts()
			.kafkaClasspath()
			.stream()
			.map(Path::toString)
			.collect(Collectors.joining(java.io.File.pathSeparator));
		List<String> jvm = List.of(ctx.java().toString(), "-Xms128m", "-Xmx" + heap(), "-XX:+UseG1GC",
				"-Dlog4j2.configurationFile=" + log4j, "-Dwrd.stack=" + ctx.dir(), "-cp", classpath);
		if (!Files.isRegularFile(data.resolve("meta.properties"))) {
			List<String> format = new ArrayList<>(jvm);
			format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", props.toString(), "-g"));
			Shell.run(format, base, logFile());
		}
		List<String> run = new ArrayList<>(jvm);
		run.addAll(List.of("kafka.Kafka", props.toString()));
		return new Launch(run, base, Map.of(), false);
	}

	private String heap() {
		String h = ctx.env("WRD_KAFKA_HEAP");
		return h == null || h.isBlank() ? "384m" : h;
	}

	// KRaft cluster ids are 16 random bytes in URL-safe base64 without padding; every node of the stack formats its
	// storage with the same one, kept beside them
	private String clusterId() {
		synchronized (CLUSTER_ID_LOCK) {
			Path file = ctx.dir().resolve("kafka-cluster-id");
			try {
				if (Files.isRegularFile(file)) {
					return Files.readString(file).trim();
				}
				UUID u = UUID.randomUUID();
				ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
				String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
				Files.writeString(file, id);
				return id;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, url(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
	}

	@Override
	public boolean healthy() {
		if (!Net.accepts(port())) {
			return false;
		}
		try (Admin admin = admin()) {
			return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	protected Duration startTimeout() {
		return Duration.ofSeconds(90);
	}

	// the first node creates the topics, once every node has joined (a topic with 3 replicas needs 3 brokers)
	@Override
	protected void afterHealthy() {
		if (node != 1) {
			return;
		}
		try (Admin admin = admin()) {
			java.time.Instant deadline = java.time.Instant.now().plus(startTimeout());
			while (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() < ctx.brokers()) {
				if (java.time.Instant.now().isAfter(deadline)) {
					throw new DevstackException("kafka: only some of the " + ctx.brokers() + " brokers joined within "
							+ startTimeout().toSeconds() + " s; see the kafka-* logs in " + ctx.logs());
				}
				sleep(Duration.ofMillis(500));
			}
			var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			List<NewTopic> missing = Topics.all()
				.stream()
				.filter(t -> !existing.contains(t.name()))
				.map(t -> new NewTopic(t.name(), t.partitions(), (short) replication())
					.configs(Map.of("min.insync.replicas", Integer.toString(minInSync()))))
				.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DevstackException("kafka: creating topics failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DevstackException("interrupted");
		}
	}


}
