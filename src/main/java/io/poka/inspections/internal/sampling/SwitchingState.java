package io.poka.inspections.internal.sampling;

/**
 * Everything the switching rules of ISO 2859-1:1999 clause 9 remember between lots, as one flat
 * immutable record that can be stored in a table row or a JSON column and replayed.
 *
 * @param severity                   current severity of inspection
 * @param switchingScore             switching score of 9.3.3 (only meaningful on normal inspection)
 * @param recentNormal               acceptance of the last (up to 5) original lots on normal inspection, oldest
 *                                   first: 'A' accepted, 'N' not accepted (the 2-of-5 window of 9.3.1)
 * @param consecutiveAcceptedOnTightened accepted lots in a row on tightened inspection (9.3.2)
 * @param notAcceptedOnTightened     cumulative lots not accepted since tightened inspection began (9.4)
 * @param discontinued               acceptance inspection is discontinued (9.4) until corrective action
 * @param lotsInspected              original lots fed to the rules so far (for traceability)
 */
public record SwitchingState(
        Severity severity,
        int switchingScore,
        String recentNormal,
        int consecutiveAcceptedOnTightened,
        int notAcceptedOnTightened,
        boolean discontinued,
        long lotsInspected) {

    /** The window of consecutive lots in 9.3.1. */
    public static final int NORMAL_WINDOW = 5;

    public SwitchingState {
        if (severity == null) {
            throw new IllegalArgumentException("severity is required");
        }
        if (recentNormal == null || recentNormal.length() > NORMAL_WINDOW || !recentNormal.matches("[AN]*")) {
            throw new IllegalArgumentException("recentNormal must be up to 5 of 'A'/'N': " + recentNormal);
        }
        if (switchingScore < 0 || consecutiveAcceptedOnTightened < 0 || notAcceptedOnTightened < 0 || lotsInspected < 0) {
            throw new IllegalArgumentException("counters must be >= 0");
        }
    }

    /** The state at the start of inspection: normal, as ISO 2859-1:1999 9.1 prescribes. */
    public static SwitchingState initial() {
        return startOf(Severity.NORMAL, 0);
    }

    static SwitchingState startOf(Severity severity, long lotsInspected) {
        return new SwitchingState(severity, 0, "", 0, 0, false, lotsInspected);
    }

    /** The stage: the severity, or discontinued. */
    public SwitchEvent.Stage stage() {
        return discontinued ? SwitchEvent.Stage.DISCONTINUED : SwitchEvent.Stage.of(severity);
    }
}
