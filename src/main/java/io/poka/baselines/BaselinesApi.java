package io.poka.baselines;

import io.poka.baselines.internal.BaselinesService;
import io.poka.baselines.internal.data.BuiltInDatasets;
import io.poka.baselines.internal.data.TabularData;
import io.poka.baselines.internal.model.Splits;
import io.poka.baselines.internal.training.SourceTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What other modules (the admin UI, reports, prognostics) may ask of the baselines module: the stored models of a data
 * set, and the grouped split so a unit never lands on both sides of an evaluation.
 */
@ApplicationScoped
public class BaselinesApi {
    private final BaselinesService service;

    BaselinesApi(BaselinesService service) {
        this.service = service;
    }

    /** Every stored model of a data set (built-in name or registry id), oldest first, with headline metrics and costs. */
    public List<BaselineModel> models(String dataset) {
        return service.compare(dataset).models();
    }

    /** The built-in data sets with their columns, by name. */
    public List<BuiltInDataset> builtInDatasets() {
        return BuiltInDatasets.NAMES.stream().sorted().map(name -> {
            TabularData d = BuiltInDatasets.get(name);
            return new BuiltInDataset(name, d.classification() ? "CLASSIFICATION" : "REGRESSION", d.target(),
                    SourceTable.of(d).columns(), d.rows());
        }).toList();
    }

    /**
     * The grouped split the baselines use (GROUPED): the distinct group values, in ascending order, are shuffled with
     * the seed and the first round(testShare * groups) go to the test side; no group is on both sides.
     *
     * @param groups the group value of each row
     */
    public GroupedSplit groupedSplit(double[] groups, double testShare, long seed) {
        int[][] split = Splits.byGroup(Splits.groupIds(groups), testShare, seed);
        return new GroupedSplit(split[0], split[1]);
    }
}
