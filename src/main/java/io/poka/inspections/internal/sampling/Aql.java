package io.poka.inspections.internal.sampling;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The 26 preferred acceptance quality limits that head the columns of ISO 2859-1:1999 Tables 2-A to 2-C
 * (percent nonconforming up to 10, nonconformities per 100 units above); only these values have plans.
 */
public enum Aql {
    AQL_0_010("0.010"), AQL_0_015("0.015"), AQL_0_025("0.025"), AQL_0_040("0.040"), AQL_0_065("0.065"),
    AQL_0_10("0.10"), AQL_0_15("0.15"), AQL_0_25("0.25"), AQL_0_40("0.40"), AQL_0_65("0.65"),
    AQL_1_0("1.0"), AQL_1_5("1.5"), AQL_2_5("2.5"), AQL_4_0("4.0"), AQL_6_5("6.5"),
    AQL_10("10"), AQL_15("15"), AQL_25("25"), AQL_40("40"), AQL_65("65"),
    AQL_100("100"), AQL_150("150"), AQL_250("250"), AQL_400("400"), AQL_650("650"), AQL_1000("1000");

    private final String label;

    Aql(String label) {
        this.label = label;
    }

    /** The column heading as printed in the standard, e.g. {@code 0.65}. */
    public String label() {
        return label;
    }

    /** The AQL as a number (percent nonconforming or nonconformities per 100 units). */
    public BigDecimal value() {
        return new BigDecimal(label);
    }

    /** The next smaller preferred AQL ("one step tighter", ISO 2859-1:1999 9.3.3), empty for 0.010. */
    public Optional<Aql> oneStepTighter() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** Finds the preferred AQL equal in value to {@code value} (so {@code 1}, {@code 1.0} and {@code 1.00} match). */
    public static Aql of(BigDecimal value) {
        return Arrays.stream(values()).filter(a -> a.value().compareTo(value) == 0).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a preferred AQL of ISO 2859-1: " + value));
    }

    /** Parses a column heading or any decimal equal to a preferred AQL. */
    public static Aql of(String value) {
        return of(new BigDecimal(value.trim()));
    }
}
