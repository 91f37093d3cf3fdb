package io.poka.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask alerts (e.g. nonconformance opening an NCR from an alert). */
public interface AlertsApi {

    Optional<AlertView> alert(UUID id);

    /** Alerts not yet resolved, newest first. */
    List<AlertView> unresolved();
}
