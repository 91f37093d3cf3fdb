package io.poka.inspections.internal.sampling;

/**
 * Why the severity of inspection changed, one constant per switching rule (ISO 2859-1:1999 clause 9, ANSI/ASQ
 * Z1.4-2003 clause 8), so that the audit trail can name the clause; {@link SamplingStandard#clause} gives the
 * clause of either standard.
 */
public enum SwitchReason {
    /** 9.3.1: 2 lots not accepted within 5 or fewer consecutive lots on normal inspection. */
    TWO_OF_FIVE_NOT_ACCEPTED("9.3.1"),
    /** 9.3.2: 5 consecutive lots accepted on tightened inspection. */
    FIVE_CONSECUTIVE_ACCEPTED("9.3.2"),
    /** 9.3.3: switching score at least 30, production steady, reduced inspection approved. */
    SWITCHING_SCORE_REACHED("9.3.3"),
    /** 9.3.4 a: a lot not accepted on reduced inspection. */
    LOT_NOT_ACCEPTED_ON_REDUCED("9.3.4 a"),
    /**
     * ANSI/ASQ Z1.4-2003 8.3.4 (MIL-STD-105E 8.3.4): on reduced inspection more than Ac but fewer than Re
     * nonconforming; the lot is accepted and normal inspection resumes with the next lot.
     */
    ACCEPTED_BETWEEN_AC_AND_RE("9.3.4"),
    /** 9.3.4 b: production irregular or delayed. */
    PRODUCTION_IRREGULAR("9.3.4 b"),
    /** 9.3.4 c: other conditions warrant normal inspection. */
    OTHER_CONDITIONS("9.3.4 c"),
    /**
     * 9.3.4 c: the plan's standard has no reduced plans in Poka, so a reduced state left by a plan of another
     * standard returns to normal. Both current standards have reduced plans; kept for switches stored while ISO
     * 2859-1:1999 plans had none.
     */
    REDUCED_PLANS_NOT_OFFERED("9.3.4 c"),
    /** 9.4: the cumulative number of lots not accepted on tightened inspection reached 5. */
    FIVE_NOT_ACCEPTED_ON_TIGHTENED("9.4"),
    /** 9.4: the supplier took corrective action; inspection resumes on tightened. */
    RESUMED_AFTER_CORRECTIVE_ACTION("9.4");

    private final String clause;

    SwitchReason(String clause) {
        this.clause = clause;
    }

    /** The clause of ISO 2859-1:1999 that prescribes the switch (see {@link SamplingStandard#clause} for Z1.4). */
    public String clause() {
        return clause;
    }
}
