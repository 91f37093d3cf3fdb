package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Secrets stay out of the log: without a configured key, Quarkus used to generate one and print it at every start. */
@QuarkusTest
@TestProfile(SessionKeyTest.LogToFile.class)
@QuarkusTestResource(RealInfrastructure.class)
class SessionKeyTest {
    static final Path LOG = Path.of("target", "session-key-test.log");

    /** The same application, its log also written to a file this test reads. */
    public static class LogToFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void theLogOfAStartContainsNoSessionEncryptionKey() throws Exception {
        // the form mechanism (which would generate and log a key) is made on first use: sign in once
        io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", io.poka.testing.Api.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(302);
        var key = ConfigProvider.getConfig().getConfigValue("quarkus.http.auth.session.encryption-key");
        String log = Files.readString(LOG);
        assertTrue(log.contains("Installed features"), "the log of the start was captured");
        assertFalse(log.contains("Encryption key was not specified"), "Quarkus' generated-key warning");
        assertFalse(key.getValue() != null && log.contains(key.getValue()), "the key itself");
        assertEquals("poka-session-key", key.getSourceName(), "Poka supplies the key, so Quarkus generates none");
    }
}
