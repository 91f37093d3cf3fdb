package io.poka.prognostics.internal;

import io.poka.prognostics.RulSourceSpec;
import io.poka.prognostics.internal.model.Fd001;
import io.poka.prognostics.internal.model.UnitHistory;
import java.util.List;

/**
 * The run-to-failure units a training reads, resolved when the job is submitted: the first n engines of C-MAPSS FD001,
 * or a plant's own data ({@link PlantUnits}); with the data set name (the model version's prefix), fingerprint,
 * feature names, and window and cap when the request set them (null: configuration).
 */
public record RulSource(String dataset, String fingerprint, List<UnitHistory> units, List<String> sensors,
        RulSourceSpec spec, Integer window, Integer cap) {

    /** The first {@code n} engines of FD001. */
    static RulSource fd001(int n) {
        Fd001.Data data = Fd001.load();
        return new RulSource(Fd001.NAME, RulTraining.fingerprint(data.fingerprint(), n), data.units().subList(0, n),
                Fd001.SENSORS, null, null, null);
    }
}
