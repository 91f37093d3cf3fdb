package io.poka.inspections.internal.sampling;

/**
 * A change of inspection stage with its reason and the clause of the plan's standard, emitted by
 * {@link SwitchingRules} so that every switch can be audited; {@code to} is {@link Stage#DISCONTINUED} when
 * acceptance inspection must stop.
 */
public record SwitchEvent(Stage from, Stage to, SwitchReason reason, String clause, String text) {

    /** Severity of inspection, or discontinued (ISO 2859-1:1999 9.4). */
    public enum Stage {
        NORMAL, TIGHTENED, REDUCED, DISCONTINUED;

        static Stage of(Severity severity) {
            return valueOf(severity.name());
        }
    }
}
