package io.poka.inspections.internal.sampling;

import java.util.OptionalInt;

/**
 * What the switching rules need to know about one lot on original inspection (resubmitted lots must not
 * be fed to them, ISO 2859-1:1999 9.3): the verdict, the facts behind the switching score, and the
 * conditions that only a person can judge (steady production, approval by the responsible authority).
 *
 * @param accepted                   the lot was accepted on original inspection
 * @param acceptanceNumber           Ac of the plan used (decides between the two switching-score rules of 9.3.3)
 * @param acceptedAtOneStepTighterAql the lot would also have been accepted with the Ac of the AQL one step tighter
 * @param productionSteady           production is at a steady rate (9.3.3 b); false means irregular or delayed (9.3.4 b)
 * @param reducedApproved            the responsible authority considers reduced inspection desirable (9.3.3 c)
 * @param normalWarranted            other conditions warrant a return to normal inspection (9.3.4 c)
 * @param acceptedBetweenAcAndRe     accepted with more than Ac but fewer than Re nonconforming, possible only on a
 *                                   reduced plan with a gap (ANSI/ASQ Z1.4-2003 Table II-C); normal from the next lot
 */
public record LotOutcome(
        boolean accepted,
        int acceptanceNumber,
        boolean acceptedAtOneStepTighterAql,
        boolean productionSteady,
        boolean reducedApproved,
        boolean normalWarranted,
        boolean acceptedBetweenAcAndRe) {

    public LotOutcome {
        if (acceptanceNumber < 0) {
            throw new IllegalArgumentException("acceptance number must be >= 0: " + acceptanceNumber);
        }
        if (acceptedAtOneStepTighterAql && !accepted) {
            throw new IllegalArgumentException("a lot not accepted cannot be accepted at a tighter AQL");
        }
        if (acceptedBetweenAcAndRe && !accepted) {
            throw new IllegalArgumentException("a lot between Ac and Re is accepted");
        }
    }

    /** An outcome of a plan without a gap between Ac and Re (Re = Ac + 1). */
    public LotOutcome(boolean accepted, int acceptanceNumber, boolean acceptedAtOneStepTighterAql,
            boolean productionSteady, boolean reducedApproved, boolean normalWarranted) {
        this(accepted, acceptanceNumber, acceptedAtOneStepTighterAql, productionSteady, reducedApproved,
                normalWarranted, false);
    }

    /**
     * The outcome of inspecting a sample drawn under {@code plan} with {@code nonconforming} findings;
     * "one step tighter" is looked up in Table 2-A for the same code letter (no tighter plan counts as not accepted).
     */
    public static LotOutcome of(TablePlan plan, int nonconforming, boolean productionSteady,
                                boolean reducedApproved, boolean normalWarranted) {
        boolean accepted = plan.accepts(nonconforming);
        // Table 2-A (normal) is the same in both standards, so the ISO tables answer for Z1.4 plans too
        OptionalInt tighterAc = SamplingTables.iso2859_1_1999().acceptanceNumberOneStepTighter(plan);
        boolean tighter = accepted && tighterAc.isPresent() && nonconforming <= tighterAc.getAsInt();
        return new LotOutcome(accepted, plan.acceptanceNumber(), tighter, productionSteady, reducedApproved,
                normalWarranted, plan.betweenAcceptanceAndRejection(nonconforming));
    }

    /** An outcome under steady production, with reduced inspection approved and nothing warranting normal. */
    public static LotOutcome steady(boolean accepted, int acceptanceNumber, boolean acceptedAtOneStepTighterAql) {
        return new LotOutcome(accepted, acceptanceNumber, acceptedAtOneStepTighterAql, true, true, false);
    }
}
