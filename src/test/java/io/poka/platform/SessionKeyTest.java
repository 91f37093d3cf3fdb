package io.poka.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.poka.notifications.NotificationsProfile;
import io.poka.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Secrets stay out of the log: without a configured key, Quarkus used to generate one and print it at every start. */
@QuarkusTest
// the notification tests' profile writes the log of its start to a file; sharing it spares an application start
@TestProfile(NotificationsProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class SessionKeyTest {
    static final Path LOG = NotificationsProfile.LOG;

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
