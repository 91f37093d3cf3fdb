package io.poka.inspections.internal.sampling;

/**
 * The standard whose tables and switching rules an inspection plan follows. ISO 2859-1:1999 and ANSI/ASQ Z1.4-2003
 * share Tables 1, 2-A/II-A and 2-B/II-B and the switching score; they differ in the reduced plans, so the standard
 * decides which reduced table Poka uses and which clause a switch cites.
 */
public enum SamplingStandard {
    /**
     * ISO 2859-1:1999 (reduced Table 2-C as transcribed from its identical adoption GB/T 2828.1-2012, Re = Ac + 1:
     * no gap between Ac and Re).
     */
    ISO_2859_1_1999("ISO 2859-1:1999", true),
    /** ANSI/ASQ Z1.4-2003 (reduced Table II-C equal to MIL-STD-105E Table II-C, with a gap between Ac and Re). */
    ANSI_ASQ_Z1_4_2003("ANSI/ASQ Z1.4-2003", true);

    private final String label;
    private final boolean reducedPlans;

    SamplingStandard(String label, boolean reducedPlans) {
        this.label = label;
        this.reducedPlans = reducedPlans;
    }

    /** The designation as printed, e.g. "ANSI/ASQ Z1.4-2003". */
    public String label() {
        return label;
    }

    /** True when Poka has a verified reduced master table for this standard. */
    public boolean offersReducedPlans() {
        return reducedPlans;
    }

    /**
     * The clause of this standard that prescribes a switch. Z1.4 keeps the numbering of MIL-STD-105E clause 8
     * (8.3.1 normal to tightened, 8.3.2 tightened to normal, 8.3.3 normal to reduced, 8.3.4 reduced to normal,
     * 8.4 discontinuation); ISO 2859-1:1999 uses clause 9.
     */
    public String clause(SwitchReason reason) {
        if (this == ISO_2859_1_1999) {
            return reason.clause();
        }
        return switch (reason) {
            case TWO_OF_FIVE_NOT_ACCEPTED -> "8.3.1";
            case FIVE_CONSECUTIVE_ACCEPTED -> "8.3.2";
            case SWITCHING_SCORE_REACHED -> "8.3.3";
            case LOT_NOT_ACCEPTED_ON_REDUCED, ACCEPTED_BETWEEN_AC_AND_RE, PRODUCTION_IRREGULAR, OTHER_CONDITIONS,
                    REDUCED_PLANS_NOT_OFFERED -> "8.3.4";
            case FIVE_NOT_ACCEPTED_ON_TIGHTENED, RESUMED_AFTER_CORRECTIVE_ACTION -> "8.4";
        };
    }
}
