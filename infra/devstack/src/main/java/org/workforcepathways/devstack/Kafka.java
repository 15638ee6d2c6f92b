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
 * One Kafka 4 broker in KRaft combined mode, run from the kafka_2.13 jars on Maven Central in its own JVM. Storage is
 * formatted on first start; the project's topics are created with their partition counts once it answers.
 */
final class Kafka extends Part {

	Kafka(StackContext ctx) {
		super(ctx, "kafka");
	}

	@Override
	public int port() {
		return ctx.ports().kafka();
	}

	@Override
	protected List<Integer> extraPorts() {
		return List.of(ctx.ports().kafkaController());
	}

	@Override
	public String url() {
		return "127.0.0.1:" + port();
	}

	@Override
	protected Launch prepare() {
		Path base = Layout.mkdirs(ctx.dir().resolve("kafka"));
		Path props = base.resolve("server.properties");
		Path log4j = base.resolve("log4j2.properties");
		Path data = base.resolve("data");
		try {
			Files.writeString(props, """
					# written by ./wrd for the '%s' stack
					process.roles=broker,controller
					node.id=1
					controller.quorum.voters=1@127.0.0.1:%d
					listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
					advertised.listeners=PLAINTEXT://127.0.0.1:%d
					listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
					controller.listener.names=CONTROLLER
					inter.broker.listener.name=PLAINTEXT
					log.dirs=%s
					num.partitions=%d
					auto.create.topics.enable=false
					offsets.topic.replication.factor=1
					transaction.state.log.replication.factor=1
					transaction.state.log.min.isr=1
					share.coordinator.state.topic.replication.factor=1
					share.coordinator.state.topic.min.isr=1
					group.initial.rebalance.delay.ms=0
					""".formatted(ctx.stack(), ctx.ports().kafkaController(), port(), ctx.ports().kafkaController(), port(),
					data, Topics.DEFAULT_PARTITIONS));
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

	// KRaft cluster ids are 16 random bytes in URL-safe base64 without padding
	private static String clusterId() {
		UUID u = UUID.randomUUID();
		ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
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

	@Override
	protected void afterHealthy() {
		try (Admin admin = admin()) {
			var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			List<NewTopic> missing = Topics.all()
				.stream()
				.filter(t -> !existing.contains(t.name()))
				.map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
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
