package io.poka.inspections.internal.sampling;

import java.util.Objects;
import java.util.Optional;

/** The state after one step of the switching rules, and the switch it caused if any. */
public record SwitchResult(SwitchingState state, Optional<SwitchEvent> event) {

    public SwitchResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
    }
}
