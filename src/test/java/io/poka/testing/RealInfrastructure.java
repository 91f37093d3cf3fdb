package io.poka.testing;

import io.poka.platform.internal.embedded.PostgresServerSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts a real PostgreSQL server and a real in-process KRaft Kafka broker for the whole test run (no Docker on
 * these machines), and points Quarkus at them.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;

    @Override
    public Map<String, String> start() {
        try {
            if (postgres == null) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                PostgresServerSettings.durableAndSized().forEach(builder::setServerConfig);
                postgres = builder.start();
            }
            if (kafka == null) {
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("num.partitions", "2")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                kafka = cluster;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Test infrastructure failed to start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    /** Bootstrap servers of the running test broker, for test producers and consumers. */
    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** JDBC URL of the running test database, for checks behind the application's back. */
    public static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            kafka = null;
            postgres = null;
        }
    }
}
