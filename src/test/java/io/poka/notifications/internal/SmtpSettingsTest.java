package io.poka.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** E-mail is on only when an SMTP host was really configured (or the mailer is a mock), not by the extension's default. */
class SmtpSettingsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withDefaultValue(SmtpSettings.HOST, "localhost")
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250)).build();
    }

    @Test
    void theMailersDefaultHostDoesNotCountAsConfigured() {
        assertFalse(SmtpSettings.configured(config(Map.of())));
        assertFalse(SmtpSettings.configured(config(Map.of("quarkus.mailer.mock", "false"))));
    }

    @Test
    void aHostFromTheEnvironmentOrPropertiesTurnsEmailOn() {
        assertTrue(SmtpSettings.configured(config(Map.of(SmtpSettings.HOST, "smtp.plant.example"))));
        assertTrue(SmtpSettings.configured(config(Map.of(SmtpSettings.HOST, "localhost"))),
                "localhost named on purpose is a choice");
    }

    @Test
    void aMockMailerCountsAsConfigured() {
        assertTrue(SmtpSettings.configured(config(Map.of("quarkus.mailer.mock", "true"))));
    }
}
