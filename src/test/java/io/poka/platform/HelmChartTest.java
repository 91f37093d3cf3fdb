package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders helm/poka with the real Helm engine (helm-java) and checks the deployment contract that
 * operators rely on: credentials only from the existing Secret, Quarkus health probes, a non-root
 * read-only container, a schema that refuses incomplete values, and replicas (disruption budget, anti-affinity, KEDA
 * on consumer lag, TLS and SASL to external PostgreSQL and Kafka).
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "poka").toAbsolutePath();
    private static final String RELEASE = "qa";
    private static final String FULLNAME = "qa-poka";

    private static final String JDBC_URL = "jdbc:postgresql://pg.quality.svc:5432/poka";
    private static final String BOOTSTRAP = "kafka-0.kafka:9092,kafka-1.kafka:9092";
    private static final String SECRET = "poka-prod-credentials";

    @TempDir
    static Path tmp;
    private static Path values;

    @BeforeAll
    static void writeValuesFile() throws IOException {
        values = tmp.resolve("values-test.yaml");
        Files.writeString(values, String.join("\n",
                "image:",
                "  repository: registry.example.test/quality/poka",
                "  tag: 0.1.0-test",
                "database:",
                "  jdbcUrl: " + JDBC_URL,
                "kafka:",
                "  bootstrapServers: " + BOOTSTRAP,
                "existingSecret:",
                "  name: " + SECRET,
                "  keys:",
                "    databaseUsername: db-user",
                "    databasePassword: db-pass",
                "    adminPassword: admin-pass",
                "    sessionKey: ui-session-key",
                ""));
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace("quality").withValuesFile(values);
    }

    /** Parses `helm template` output into its objects (documents separated by `---`). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(TemplateCommand command) {
        String manifest = command.call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(manifest)) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return objects;
    }

    private static List<Map<String, Object>> render() {
        return render(template());
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertEquals(1, found.size(), () -> "expected exactly one " + kind + " in " + kinds(objects));
        return found.get(0);
    }

    private static List<String> kinds(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> String.valueOf(o.get("kind"))).sorted().toList();
    }

    /** Follows a path of map keys and list indexes, e.g. at(obj, "spec", "ports", 0, "name"). */
    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects) {
        List<Map<String, Object>> containers = at(only(objects, "Deployment"), "spec", "template", "spec", "containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, Map<String, Object>> envByName(Map<String, Object> container) {
        List<Map<String, Object>> env = at(container, "env");
        return env.stream().collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
    }

    private static String checksum(List<Map<String, Object>> objects) {
        return at(only(objects, "Deployment"), "spec", "template", "metadata", "annotations", "checksum/config");
    }

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> "helm lint reported: " + result.getMessages());
    }

    @Test
    void rendersDeploymentServiceConfigMapAndServiceAccountButNoSecret() {
        List<Map<String, Object>> objects = render();
        assertEquals(List.of("ConfigMap", "Deployment", "PodDisruptionBudget", "Service", "ServiceAccount"), kinds(objects));
        for (Map<String, Object> object : objects) {
            assertEquals(FULLNAME, at(object, "metadata", "name"), () -> "name of " + object.get("kind"));
        }
    }

    @Test
    void everyObjectCarriesTheStandardKubernetesLabels() {
        for (Map<String, Object> object : render()) {
            Map<String, Object> labels = at(object, "metadata", "labels");
            assertAll(String.valueOf(object.get("kind")),
                    () -> assertEquals("poka", labels.get("app.kubernetes.io/name")),
                    () -> assertEquals(RELEASE, labels.get("app.kubernetes.io/instance")),
                    () -> assertEquals("0.1.0", labels.get("app.kubernetes.io/version")),
                    () -> assertEquals("Helm", labels.get("app.kubernetes.io/managed-by")),
                    () -> assertEquals("poka-0.1.0", labels.get("helm.sh/chart")));
        }
    }

    @Test
    void serviceExposesPort8080NamedHttpAndSelectsThePods() {
        List<Map<String, Object>> objects = render();
        Map<String, Object> service = only(objects, "Service");
        assertEquals(8080, (Integer) at(service, "spec", "ports", 0, "port"));
        assertEquals("http", at(service, "spec", "ports", 0, "name"));
        assertEquals("http", at(service, "spec", "ports", 0, "targetPort"));

        Map<String, Object> selector = at(service, "spec", "selector");
        Map<String, Object> podLabels = at(only(objects, "Deployment"), "spec", "template", "metadata", "labels");
        assertFalse(selector.isEmpty());
        selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), () -> "pod label " + k));
        assertEquals(selector, at(only(objects, "Deployment"), "spec", "selector", "matchLabels"));

        Map<String, Object> port = at(container(objects), "ports", 0);
        assertEquals("http", port.get("name"));
        assertEquals(8080, (Integer) port.get("containerPort"));
    }

    @Test
    void probesCallQuarkusHealthEndpointsOnPort8080() {
        Map<String, Object> container = container(render());
        assertAll(
                () -> assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path")),
                () -> assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path")),
                () -> assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path")),
                () -> assertEquals(8080, (Integer) at(container, "livenessProbe", "httpGet", "port")),
                () -> assertEquals(8080, (Integer) at(container, "readinessProbe", "httpGet", "port")),
                () -> assertEquals(8080, (Integer) at(container, "startupProbe", "httpGet", "port")),
                () -> assertTrue((Integer) at(container, "startupProbe", "failureThreshold")
                        * (Integer) at(container, "startupProbe", "periodSeconds") >= 120,
                        "startup probe must allow migrations and model loading at least 2 minutes"));
    }

    @Test
    void credentialsComeOnlyFromTheExistingSecretViaSecretKeyRef() {
        Map<String, Map<String, Object>> env = envByName(container(render()));
        Map<String, String> expectedKeys = Map.of(
                "QUARKUS_DATASOURCE_USERNAME", "db-user",
                "QUARKUS_DATASOURCE_PASSWORD", "db-pass",
                "POKA_ADMIN_PASSWORD", "admin-pass",
                "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "ui-session-key");
        expectedKeys.forEach((name, key) -> {
            Map<String, Object> var = env.get(name);
            assertNotNull(var, name + " missing from the container env");
            assertNull(var.get("value"), name + " must not be a plain value");
            assertEquals(SECRET, at(var, "valueFrom", "secretKeyRef", "name"), name);
            assertEquals(key, at(var, "valueFrom", "secretKeyRef", "key"), name);
        });
    }

    @Test
    void configMapHoldsTheConnectionSettingsAndNoCredentials() {
        List<Map<String, Object>> objects = render();
        Map<String, Object> data = at(only(objects, "ConfigMap"), "data");
        assertAll(
                () -> assertEquals(JDBC_URL, data.get("QUARKUS_DATASOURCE_JDBC_URL")),
                () -> assertEquals(BOOTSTRAP, data.get("KAFKA_BOOTSTRAP_SERVERS")),
                () -> assertEquals("8080", data.get("QUARKUS_HTTP_PORT")),
                () -> assertEquals("/deployments/data", data.get("POKA_DATA_DIR")),
                () -> assertTrue(String.valueOf(data.get("JAVA_OPTS_APPEND")).contains("-Dai.djl.offline=true")),
                () -> assertTrue(String.valueOf(data.get("JAVA_OPTS_APPEND")).contains("-Dquarkus.http.host=0.0.0.0"),
                        "replacing the image's JAVA_OPTS_APPEND must keep the http host"));
        Set<String> credentialLike = data.keySet().stream()
                .filter(k -> k.toUpperCase(Locale.ROOT).matches(".*(PASSWORD|SECRET|TOKEN|USERNAME).*"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), credentialLike);

        Map<String, Object> container = container(objects);
        assertEquals(FULLNAME, at(container, "envFrom", 0, "configMapRef", "name"));
        assertTrue(((List<?>) at(container, "envFrom")).stream().noneMatch(e -> ((Map<?, ?>) e).containsKey("secretRef")),
                "the whole Secret must not be imported; each key is referenced explicitly");
    }

    @Test
    void schemaRefusesCredentialLikeKeysInTheConfigMap() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> render(template().set("config.OIDC_CLIENT_SECRET", "s3cr3t")));
        assertTrue(e.getMessage().contains("config"), e.getMessage());
        // A harmless key still goes through.
        Map<String, Object> data = at(only(render(template().set("config.QUARKUS_LOG_LEVEL", "DEBUG")), "ConfigMap"), "data");
        assertEquals("DEBUG", data.get("QUARKUS_LOG_LEVEL"));
    }

    @Test
    void podAndContainerRunAsNonRootUser185WithReadOnlyRootFilesystem() {
        List<Map<String, Object>> objects = render();
        Map<String, Object> pod = at(only(objects, "Deployment"), "spec", "template", "spec");
        Map<String, Object> container = container(objects);
        assertAll(
                () -> assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot")),
                () -> assertEquals(185, (Integer) at(pod, "securityContext", "runAsUser")),
                () -> assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type")),
                () -> assertEquals(Boolean.TRUE, at(container, "securityContext", "runAsNonRoot")),
                () -> assertEquals(185, (Integer) at(container, "securityContext", "runAsUser")),
                () -> assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem")),
                () -> assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation")),
                () -> assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop")),
                () -> assertNull(at(container, "securityContext", "capabilities", "add")),
                () -> assertEquals("RuntimeDefault", at(container, "securityContext", "seccompProfile", "type")),
                () -> assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken")));
    }

    @Test
    void tmpAndDataDirAreWritableEmptyDirVolumesByDefault() {
        List<Map<String, Object>> objects = render();
        Map<String, Object> pod = at(only(objects, "Deployment"), "spec", "template", "spec");
        Map<String, String> mounts = ((List<Map<String, Object>>) at(container(objects), "volumeMounts")).stream()
                .collect(Collectors.toMap(m -> (String) m.get("mountPath"), m -> (String) m.get("name")));
        Map<String, Map<String, Object>> volumes = ((List<Map<String, Object>>) at(pod, "volumes")).stream()
                .collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
        for (String path : List.of("/tmp", "/deployments/data")) {
            String volume = mounts.get(path);
            assertNotNull(volume, path + " must be mounted");
            assertTrue(volumes.get(volume).containsKey("emptyDir"), path + " must be an emptyDir");
        }
        assertEquals("/tmp/djl.ai", at(only(objects, "ConfigMap"), "data", "DJL_CACHE_DIR"),
                "DJL must extract PyTorch into the writable /tmp, not under the read-only home");
    }

    @Test
    void persistenceMountsAClaimOnTheDataDirAndRecreatesPods() {
        List<Map<String, Object>> objects = render(template().set("persistence.enabled", true).set("persistence.size", "20Gi"));
        Map<String, Object> claim = only(objects, "PersistentVolumeClaim");
        assertEquals("20Gi", at(claim, "spec", "resources", "requests", "storage"));
        Map<String, Object> deployment = only(objects, "Deployment");
        Map<String, Object> data = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "volumes"))
                .stream().filter(v -> "data".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals((String) at(claim, "metadata", "name"), (String) at(data, "persistentVolumeClaim", "claimName"));
        assertEquals("Recreate", at(deployment, "spec", "strategy", "type"));

        List<Map<String, Object>> existing = render(template().set("persistence.enabled", true)
                .set("persistence.existingClaim", "poka-data-old"));
        assertFalse(kinds(existing).contains("PersistentVolumeClaim"), "an existing claim must not be created again");
        Map<String, Object> existingVolume = ((List<Map<String, Object>>) at(only(existing, "Deployment"),
                "spec", "template", "spec", "volumes")).stream().filter(v -> "data".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals("poka-data-old", at(existingVolume, "persistentVolumeClaim", "claimName"));
    }

    @Test
    void resourcesRequestOneCpuAndOneAndAHalfGiAndLimitTwoCpuAndThreeGi() {
        Map<String, Object> resources = at(container(render()), "resources");
        assertAll(
                () -> assertEquals("1", String.valueOf((Object) at(resources, "requests", "cpu"))),
                () -> assertEquals("1536Mi", at(resources, "requests", "memory")),
                () -> assertEquals("2", String.valueOf((Object) at(resources, "limits", "cpu"))),
                () -> assertEquals("3Gi", at(resources, "limits", "memory")));
    }

    @Test
    void configChecksumOnThePodTemplateChangesWithTheConfigMapOnly() {
        String base = checksum(render());
        assertNotNull(base, "checksum/config annotation missing");
        assertTrue(base.matches("[0-9a-f]{64}"), base);
        assertEquals(base, checksum(render()), "rendering is deterministic");
        assertNotEquals(base, checksum(render(template().set("kafka.bootstrapServers", "other-kafka:9092"))),
                "a config change must roll the pods");
        assertEquals(base, checksum(render(template().set("replicaCount", 3))),
                "a change outside the ConfigMap must not change the checksum");
    }

    @Test
    void extraEnvIsAddedAfterTheSecretReferences() {
        Map<String, Map<String, Object>> env = envByName(container(render(template()
                .set("extraEnv[0].name", "QUARKUS_LOG_LEVEL").set("extraEnv[0].value", "DEBUG"))));
        assertEquals("DEBUG", env.get("QUARKUS_LOG_LEVEL").get("value"));
        assertTrue(env.containsKey("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void serviceAccountIsOptional() {
        List<Map<String, Object>> objects = render(template().set("serviceAccount.create", false));
        assertFalse(kinds(objects).contains("ServiceAccount"));
        assertEquals("default", at(only(objects, "Deployment"), "spec", "template", "spec", "serviceAccountName"));
        assertEquals(FULLNAME, at(only(render(), "Deployment"), "spec", "template", "spec", "serviceAccountName"));
    }

    @Test
    void imageDefaultsItsTagToTheAppVersion() {
        assertEquals("registry.example.test/quality/poka:0.1.0-test", at(container(render()), "image"));
        assertEquals("registry.example.test/quality/poka:0.1.0", at(container(render(template().set("image.tag", ""))), "image"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image.repository", "database.jdbcUrl", "kafka.bootstrapServers", "existingSecret", "existingSecret.name"})
    void renderingFailsWhenARequiredValueIsRemoved(String key) {
        // Helm's --set key=null deletes the key, defaults included: values.schema.json must then refuse the values.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> template().set(key, "null").call());
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        assertTrue(e.getMessage().contains("schema") && e.getMessage().contains(leaf), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"image.repository", "database.jdbcUrl", "kafka.bootstrapServers", "existingSecret.name"})
    void renderingFailsWhenARequiredValueIsEmpty(String key) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> template().set(key, "").call());
        assertTrue(e.getMessage().contains("schema") && e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void renderingFailsForAJdbcUrlThatIsNotPostgres() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> template().set("database.jdbcUrl", "jdbc:h2:mem:poka").call());
        assertTrue(e.getMessage().contains("jdbcUrl"), e.getMessage());
    }

    @Test
    void twoReplicasByDefaultKeptByADisruptionBudgetAndSpreadOverNodes() {
        List<Map<String, Object>> objects = render();
        Map<String, Object> deployment = only(objects, "Deployment");
        assertEquals(2, (Integer) at(deployment, "spec", "replicas"));
        Map<String, Object> pdb = only(objects, "PodDisruptionBudget");
        assertEquals("policy/v1", pdb.get("apiVersion"));
        assertEquals(1, (Integer) at(pdb, "spec", "minAvailable"));
        assertEquals((Object) at(deployment, "spec", "selector", "matchLabels"), at(pdb, "spec", "selector", "matchLabels"),
                "the budget counts exactly the Deployment's pods");
        Map<String, Object> term = at(deployment, "spec", "template", "spec", "affinity", "podAntiAffinity",
                "preferredDuringSchedulingIgnoredDuringExecution", 0, "podAffinityTerm");
        assertEquals("kubernetes.io/hostname", term.get("topologyKey"));
        assertEquals((Object) at(deployment, "spec", "selector", "matchLabels"), at(term, "labelSelector", "matchLabels"));

        Map<String, Object> hard = at(only(render(template().set("podAntiAffinity", "hard")), "Deployment"),
                "spec", "template", "spec", "affinity", "podAntiAffinity");
        assertNotNull(hard.get("requiredDuringSchedulingIgnoredDuringExecution"), "hard: never two on one node");
        assertNull(at(only(render(template().set("podAntiAffinity", "")), "Deployment"), "spec", "template", "spec",
                "affinity"));
    }

    @Test
    void aSingleReplicaHasNoDisruptionBudget() {
        // a budget of minAvailable 1 over one pod would block every node drain
        assertFalse(kinds(render(template().set("replicaCount", 1))).contains("PodDisruptionBudget"));
    }

    @Test
    void kedaScalesOnTheReadingsConsumerLagAndOwnsTheReplicaCount() {
        List<Map<String, Object>> objects = render(template().set("autoscaling.keda.enabled", true)
                .set("autoscaling.keda.maxReplicaCount", 4).set("autoscaling.keda.authenticationRef", "kafka-auth"));
        Map<String, Object> scaled = only(objects, "ScaledObject");
        assertEquals("keda.sh/v1alpha1", scaled.get("apiVersion"));
        assertEquals(FULLNAME, at(scaled, "spec", "scaleTargetRef", "name"));
        assertEquals(2, (Integer) at(scaled, "spec", "minReplicaCount"));
        assertEquals(4, (Integer) at(scaled, "spec", "maxReplicaCount"));
        Map<String, Object> trigger = at(scaled, "spec", "triggers", 0);
        assertEquals("kafka", trigger.get("type"));
        assertEquals(Map.of("bootstrapServers", BOOTSTRAP, "consumerGroup", "poka-telemetry", "topic",
                "poka.telemetry.readings.v1", "lagThreshold", "20000", "offsetResetPolicy", "earliest",
                "allowIdleConsumers", "false"), trigger.get("metadata"));
        assertEquals("kafka-auth", at(trigger, "authenticationRef", "name"));
        Map<String, Object> deploymentSpec = at(only(objects, "Deployment"), "spec");
        assertFalse(deploymentSpec.containsKey("replicas"),
                "KEDA owns the replica count; a fixed one would fight it on every upgrade");
        assertTrue(kinds(objects).contains("PodDisruptionBudget"));
        assertFalse(kinds(render()).contains("ScaledObject"), "KEDA is opt-in");
    }

    @Test
    void externalKafkaWithTlsAndSaslTakesItsCredentialsFromTheSecretOnly() {
        List<Map<String, Object>> objects = render(template().set("kafka.tls.enabled", true)
                .set("kafka.tls.caSecret", "kafka-cluster-ca").set("kafka.sasl.enabled", true));
        Map<String, Object> data = at(only(objects, "ConfigMap"), "data");
        assertEquals("SASL_SSL", data.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", data.get("KAFKA_SASL_MECHANISM"));
        assertEquals("PEM", data.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
        assertEquals("/etc/poka/tls/kafka/ca.crt", data.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertFalse(data.containsKey("KAFKA_SASL_JAAS_CONFIG"), "no credentials in the ConfigMap");
        Map<String, Map<String, Object>> env = envByName(container(objects));
        assertEquals("kafka-password", at(env.get("KAFKA_SASL_PASSWORD"), "valueFrom", "secretKeyRef", "key"));
        assertEquals(SECRET, at(env.get("KAFKA_SASL_USERNAME"), "valueFrom", "secretKeyRef", "name"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"$(KAFKA_SASL_USERNAME)\" password=\"$(KAFKA_SASL_PASSWORD)\";",
                env.get("KAFKA_SASL_JAAS_CONFIG").get("value"));
        assertEquals("kafka-cluster-ca", secretVolume(objects, "kafka-ca"));
        assertEquals("SSL", at(only(render(template().set("kafka.tls.enabled", true)), "ConfigMap"), "data",
                "KAFKA_SECURITY_PROTOCOL"));
        assertFalse(((Map<?, ?>) at(only(render(), "ConfigMap"), "data")).containsKey("KAFKA_SECURITY_PROTOCOL"),
                "plaintext by default");
    }

    @Test
    void postgresTlsVerifiesTheServerAgainstTheMountedCa() {
        List<Map<String, Object>> objects = render(template().set("database.tls.enabled", true));
        assertEquals(JDBC_URL + "?sslmode=verify-full&sslrootcert=/etc/poka/tls/postgres/ca.crt",
                at(only(objects, "ConfigMap"), "data", "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("postgres-ca", secretVolume(objects, "postgres-ca"));
        assertEquals(JDBC_URL + "?ApplicationName=poka&sslmode=verify-ca&sslrootcert=/etc/poka/tls/postgres/ca.crt",
                at(only(render(template().set("database.tls.enabled", true).set("database.tls.sslMode", "verify-ca")
                        .set("database.jdbcUrl", JDBC_URL + "?ApplicationName=poka")), "ConfigMap"), "data",
                        "QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void httpsIsServedFromATlsSecretBesidePlainHttpForTheProbes() {
        List<Map<String, Object>> objects = render(template().set("tls.http.secretName", "poka-tls"));
        Map<String, Object> data = at(only(objects, "ConfigMap"), "data");
        assertEquals("/etc/poka/tls/http/tls.crt", data.get("QUARKUS_HTTP_SSL_CERTIFICATE_FILES"));
        assertEquals("/etc/poka/tls/http/tls.key", data.get("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES"));
        assertEquals("poka-tls", secretVolume(objects, "http-tls"));
        List<Map<String, Object>> ports = at(only(objects, "Service"), "spec", "ports");
        assertEquals(List.of("http", "https"), ports.stream().map(p -> p.get("name")).toList());
        assertEquals(8080, (Integer) at(container(objects), "readinessProbe", "httpGet", "port"));
    }

    @Test
    void eachPodIsNamedInLeasesByItsPodName() {
        Map<String, Map<String, Object>> env = envByName(container(render()));
        assertEquals("metadata.name", at(env.get("POKA_PLATFORM_INSTANCE_ID"), "valueFrom", "fieldRef", "fieldPath"));
    }

    @Test
    void schemaRefusesAnUnknownAntiAffinityAndSaslMechanism() {
        assertThrows(IllegalStateException.class, () -> template().set("podAntiAffinity", "sometimes").call());
        assertThrows(IllegalStateException.class, () -> template().set("kafka.sasl.mechanism", "GSSAPI").call());
    }

    private static String secretVolume(List<Map<String, Object>> objects, String name) {
        List<Map<String, Object>> volumes = at(only(objects, "Deployment"), "spec", "template", "spec", "volumes");
        return volumes.stream().filter(v -> name.equals(v.get("name"))).map(v -> (String) at(v, "secret", "secretName"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + name + " in " + volumes));
    }
}
