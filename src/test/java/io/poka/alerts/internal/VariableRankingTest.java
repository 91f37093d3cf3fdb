package io.poka.alerts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.alerts.IncidentVariable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An incident's variables: by the model's contribution when anomalies are involved, else by severity and count. */
class VariableRankingTest {
    private static final List<IncidentVariable> TALLIES = List.of(
            new IncidentVariable("xmeas-09", 40, 0, 0, 40, 0.1),
            new IncidentVariable("xmeas-01", 3, 3, 0, 0, 5.0),
            new IncidentVariable("xmv-03", 10, 1, 9, 0, 7.5),
            new IncidentVariable("xmeas-04", 3, 3, 0, 0, 0.0));

    @Test
    void withoutAnomaliesHighFiringsRankFirstThenMediumThenLowThenName() {
        assertEquals(List.of("xmeas-01", "xmeas-04", "xmv-03", "xmeas-09"), names(VariableRanking.rank(TALLIES, false)));
    }

    @Test
    void withAnomaliesTheModelsContributionRanksFirst() {
        assertEquals(List.of("xmv-03", "xmeas-01", "xmeas-09", "xmeas-04"), names(VariableRanking.rank(TALLIES, true)));
    }

    private static List<String> names(List<IncidentVariable> ranked) {
        return ranked.stream().map(IncidentVariable::variable).toList();
    }
}
