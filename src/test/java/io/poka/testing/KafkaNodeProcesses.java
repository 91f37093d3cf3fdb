package io.poka.testing;

import static io.poka.testing.ProcessLogs.freePort;
import static io.poka.testing.ProcessLogs.tail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster whose nodes (broker and controller combined, three controller voters) each run in their own JVM,
 * Kafka's own server ({@code kafka.Kafka}) on the test class path, so a node can be killed with SIGKILL: no controlled
 * shutdown, no flush, no leadership hand-over, which an in-process {@code KafkaClusterTestKit} broker cannot do.
 */
public final class KafkaNodeProcesses implements AutoCloseable {
    /** One running node: its id, its client port, its process and log. */
    public record Node(int id, int port, Process process, Path log) {
    }

    /** Warnings and errors of a node (why it exited) to its log, through the JBoss LogManager on the class path. */
    private static final String LOGGING = """
            logger.level=WARN
            logger.handlers=CONSOLE
            handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler
            handler.CONSOLE.formatter=PATTERN
            formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter
            formatter.PATTERN.properties=pattern
            formatter.PATTERN.pattern=%d{HH:mm:ss,SSS} %-5p [%c] %s%e%n
            """;

    private final Map<Integer, Node> nodes = new LinkedHashMap<>();

    private KafkaNodeProcesses() {
    }

    /**
     * Formats and starts {@code count} combined nodes under {@code dir} with replication defaults for {@code count}
     * brokers ({@code min.insync.replicas = count - 1}) plus {@code extra} server properties, and waits until every
     * broker is registered.
     */
    public static KafkaNodeProcesses start(Path dir, int count, Map<String, String> extra) throws Exception {
        KafkaNodeProcesses cluster = new KafkaNodeProcesses();
        String clusterId = Uuid.randomUuid().toString();
        int[] ports = new int[count];
        int[] controllerPorts = new int[count];
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports[i] = freePort();
            controllerPorts[i] = freePort();
            voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
        }
        try {
            for (int i = 0; i < count; i++) {
                int id = i + 1;
                Path nodeDir = Files.createDirectories(dir.resolve("kafka-" + id));
                Properties p = properties(id, ports[i], controllerPorts[i], String.join(",", voters), nodeDir, count);
                extra.forEach(p::setProperty);
                Path file = nodeDir.resolve("server.properties");
                try (OutputStream out = Files.newOutputStream(file)) {
                    p.store(out, "KafkaNodeProcesses node " + id);
                }
                format(file, clusterId);
                Path log = nodeDir.resolve("node.log");
                Path logging = nodeDir.resolve("logging.properties");
                Files.writeString(logging, LOGGING);
                ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-Dlogging.configuration=" + logging.toUri(), "-cp", classPath(), "kafka.Kafka", file.toString());
                pb.redirectErrorStream(true).redirectOutput(log.toFile());
                cluster.nodes.put(id, new Node(id, ports[i], pb.start(), log));
            }
            cluster.awaitBrokers(count, Duration.ofSeconds(180));
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private static Properties properties(int id, int port, int controllerPort, String voters, Path dir, int count) {
        String minIsr = Integer.toString(Math.max(1, count - 1));
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(id));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("data").toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", Integer.toString(count));
        p.setProperty("min.insync.replicas", minIsr);
        p.setProperty("offsets.topic.replication.factor", Integer.toString(count));
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", Integer.toString(count));
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(count));
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // a SIGKILLed node is fenced (its partitions get new leaders) after this, instead of the default 9 s
        p.setProperty("broker.heartbeat.interval.ms", "500");
        p.setProperty("broker.session.timeout.ms", "5000");
        return p;
    }

    private static void format(Path propsFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting " + propsFile + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitBrokers(int count, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(end)) {
                for (Node n : nodes.values()) {
                    if (!n.process().isAlive()) {
                        throw new AssertionError("Kafka node " + n.id() + " exited:\n" + tail(n.log()));
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == count) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    // no broker answers yet
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError(count + " Kafka brokers not registered within " + timeout);
    }

    /** The nodes, by id (killed ones included). */
    public Map<Integer, Node> nodes() {
        return Map.copyOf(nodes);
    }

    /** Every node's client address, killed ones included (clients skip those they cannot reach). */
    public String bootstrapServers() {
        return nodes.values().stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    /** An admin client on the cluster (the caller closes it). */
    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    /** SIGKILL to one node's JVM, and waits until it is gone. */
    public void kill9(int id) throws InterruptedException {
        Process p = nodes.get(id).process();
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Kafka node " + id + " survived SIGKILL");
        }
    }

    /** Ends every node with SIGKILL: the cluster is thrown away, and a controlled shutdown of all voters can hang. */
    @Override
    public void close() {
        for (Node n : nodes.values()) {
            n.process().destroyForcibly();
        }
        for (Node n : nodes.values()) {
            try {
                n.process().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path (surefire and failsafe give it here when they start the tests from a manifest-only jar). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
