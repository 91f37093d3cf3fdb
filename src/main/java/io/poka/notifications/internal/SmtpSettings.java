package io.poka.notifications.internal;

import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.Config;

/**
 * Whether an SMTP host is configured. quarkus.mailer.host defaults to localhost, where a production host rarely runs
 * a mail server, so Poka sends e-mail only when the host was set by a real source (environment, properties) or the
 * mailer is a mock; otherwise e-mail deliveries are skipped with a reason and a warning is logged at start.
 */
final class SmtpSettings {
    static final String HOST = "quarkus.mailer.host";
    static final String MOCK = "quarkus.mailer.mock";

    private SmtpSettings() {
    }

    static boolean configured(Config config) {
        if (config.getOptionalValue(MOCK, Boolean.class).orElse(false)) {
            return true;
        }
        ConfigValue host = config.unwrap(io.smallrye.config.SmallRyeConfig.class).getConfigValue(HOST);
        // defaults (the extension's "localhost") come from sources with the lowest ordinal; real sources are positive
        return host.getValue() != null && !host.getValue().isBlank() && host.getConfigSourceOrdinal() > 0;
    }
}
