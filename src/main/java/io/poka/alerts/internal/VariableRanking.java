package io.poka.alerts.internal;

import io.poka.alerts.IncidentVariable;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks an incident's variables so people look first where the cause most likely is: by the anomaly model's summed
 * contribution when anomaly detections are part of the incident (the model sees all variables together), then by
 * the severity and number of rule firings (HIGH firings first, then MEDIUM, then LOW, then all firings).
 */
final class VariableRanking {
    private static final Comparator<IncidentVariable> BY_FIRINGS = Comparator
            .comparingInt(IncidentVariable::high).reversed()
            .thenComparing(Comparator.comparingInt(IncidentVariable::medium).reversed())
            .thenComparing(Comparator.comparingInt(IncidentVariable::low).reversed())
            .thenComparing(Comparator.comparingInt(IncidentVariable::firings).reversed())
            .thenComparing(IncidentVariable::variable);
    private static final Comparator<IncidentVariable> BY_CONTRIBUTION = Comparator
            .comparingDouble(IncidentVariable::contribution).reversed().thenComparing(BY_FIRINGS);

    private VariableRanking() {
    }

    static List<IncidentVariable> rank(List<IncidentVariable> tallies, boolean anomaliesInvolved) {
        return tallies.stream().sorted(anomaliesInvolved ? BY_CONTRIBUTION : BY_FIRINGS).toList();
    }
}
