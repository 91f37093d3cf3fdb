package io.poka.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poka.alerts.IncidentChanged;
import io.poka.notifications.internal.DeliveryWorker;
import io.poka.testing.AdjustableClock;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

/**
 * What every notification integration test uses (run under {@link NotificationsProfile}): the worker it runs by hand,
 * the clock it advances, incident changes to fire; after each test real time again and no subscription left, so no
 * test's leftovers are sent during another's worker runs.
 */
public abstract class NotificationsIntegrationTest {
    @Inject
    protected Event<IncidentChanged> incidents;
    @Inject
    protected DeliveryWorker worker;
    @Inject
    protected AdjustableClock clock;
    @Inject
    protected ObjectMapper json;

    @AfterEach
    void realTimeAndNoSubscriptionsLeft() {
        clock.reset();
        NotificationFixtures.unsubscribeAll();
    }
}
