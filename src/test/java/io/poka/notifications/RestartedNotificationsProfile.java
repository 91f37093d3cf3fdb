package io.poka.notifications;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link NotificationsProfile} with one more key: another profile, so Quarkus stops the application and starts a new
 * one (same database) before the second half of the restart test. Its name sorts after NotificationsProfile, and
 * Quarkus runs test classes grouped by profile name.
 */
public class RestartedNotificationsProfile extends NotificationsProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("poka.notifications.incident-link", "https://poka-restarted.test.example/ui/incidents/{id}");
        return config;
    }
}
