package io.poka.diagnosis.internal;

import io.poka.diagnosis.DiagnosisModel;
import io.poka.diagnosis.internal.model.TepFaultRuns;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The classes a model cannot tell apart from normal (from its own cross-validation, or the configured faults for a
 * version stored without one), and the sentence a diagnosis carries when its most probable class is one of them or
 * normal: a user should read "normal or a subtle fault", not a confident "fault 9".
 */
record NormalLookalikes(List<DiagnosisModel.NormalLookalike> classes, boolean measured) {

    static NormalLookalikes of(DiagnosisModel model, Set<String> configured) {
        if (model.crossValidation() != null && model.crossValidation().indistinguishableFromNormal() != null) {
            return new NormalLookalikes(model.crossValidation().indistinguishableFromNormal(), true);
        }
        return new NormalLookalikes(model.labels().stream().filter(configured::contains)
                .map(l -> new DiagnosisModel.NormalLookalike(l, Double.NaN, Double.NaN, true)).toList(), false);
    }

    /** Why a window whose most probable class is {@code best} cannot be told from normal; null when it can. */
    String reason(String best) {
        if (classes.isEmpty()) {
            return null;
        }
        if (TepFaultRuns.NORMAL.equals(best)) {
            return "Normal and " + String.join(", ", classes.stream().map(DiagnosisModel.NormalLookalike::label).toList())
                    + " look alike to this model" + (measured ? " (its cross-validation)" : "")
                    + ": a window called normal may be one of these subtle faults.";
        }
        Optional<DiagnosisModel.NormalLookalike> c = classes.stream().filter(l -> l.label().equals(best)).findFirst();
        if (c.isEmpty()) {
            return null;
        }
        DiagnosisModel.NormalLookalike l = c.get();
        String figures = Double.isNaN(l.takenForNormal()) ? ""
                : String.format(Locale.ROOT, ": in its cross-validation %.0f %% of %s windows were taken for normal and "
                        + "%.0f %% of normal windows for %s", 100 * l.takenForNormal(), best, 100 * l.normalTakenForIt(),
                        best);
        return best + " and normal look alike to this model" + figures
                + (l.configured() ? " (a fault known to be near-indistinguishable from normal)" : "")
                + ": read it as normal operation or a subtle fault.";
    }
}
