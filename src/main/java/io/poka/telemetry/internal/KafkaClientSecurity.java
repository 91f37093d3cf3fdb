package io.poka.telemetry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The connection-security settings of the application's Kafka clients (kafka.security.protocol, kafka.ssl.*,
 * kafka.sasl.*, set by the Helm chart as KAFKA_* environment variables), for the Kafka clients Poka creates itself
 * (the demo plant's producer): without them that producer could not reach a cluster that requires TLS or SASL.
 */
final class KafkaClientSecurity {
    /** The client settings copied, without the "kafka." prefix (Kafka client configuration names). */
    static final List<String> KEYS = List.of("security.protocol", "ssl.truststore.type", "ssl.truststore.location",
            "ssl.truststore.password", "ssl.truststore.certificates", "ssl.keystore.type", "ssl.keystore.location",
            "ssl.keystore.password", "ssl.key.password", "ssl.endpoint.identification.algorithm", "sasl.mechanism",
            "sasl.jaas.config");

    private KafkaClientSecurity() {
    }

    /** The settings present in the configuration, keyed by their Kafka client name. */
    static Map<String, String> of(Config config) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue("kafka." + key, String.class).ifPresent(v -> settings.put(key, v));
        }
        return settings;
    }
}
