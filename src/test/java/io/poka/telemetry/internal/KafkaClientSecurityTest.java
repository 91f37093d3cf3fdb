package io.poka.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo plant's producer gets the security settings the Helm chart sets as KAFKA_* environment variables. */
class KafkaClientSecurityTest {

    @Test
    void theChartsEnvironmentVariablesBecomeTheProducersSecuritySettings() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/poka/tls/kafka/ca.crt",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9093"), 300) {
        }).build();

        assertEquals(Map.of("security.protocol", "SASL_SSL", "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/poka/tls/kafka/ca.crt", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                KafkaClientSecurity.of(config));
    }

    @Test
    void aPlainClusterAddsNothing() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), 300) {
        }).build();
        assertEquals(Map.of(), KafkaClientSecurity.of(config));
    }
}
