package io.poka.inspections.internal.sampling;

import java.util.Arrays;

/**
 * Inspection levels of ISO 2859-1:1999 Table 1: the level fixes how the sample grows with the lot size,
 * so the same AQL can be bought with more or less discrimination.
 */
public enum InspectionLevel {
    S1("S-1"), S2("S-2"), S3("S-3"), S4("S-4"), I("I"), II("II"), III("III");

    private final String label;

    InspectionLevel(String label) {
        this.label = label;
    }

    /** The label printed in the standard, e.g. {@code S-3} or {@code II}. */
    public String label() {
        return label;
    }

    /** Parses a label as printed in the standard ({@code S-1} .. {@code III}). */
    public static InspectionLevel ofLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown inspection level: " + label));
    }
}
