package io.poka.baselines.internal.model;

import io.poka.baselines.internal.data.TabularData;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Turns rows of a {@link TabularData} (or new rows to predict) into Tribuo examples and data sets. */
public final class TribuoRows {
    static final LabelFactory LABELS = new LabelFactory();
    static final RegressionFactory REGRESSORS = new RegressionFactory();

    private TribuoRows() {
    }

    static Example<Label> labelled(TabularData d, int row) {
        return new ArrayExample<>(new Label(d.labels()[row]), d.features().toArray(String[]::new), d.x()[row]);
    }

    static Example<Regressor> targeted(TabularData d, int row) {
        return new ArrayExample<>(new Regressor(d.target(), d.targets()[row]), d.features().toArray(String[]::new),
                d.x()[row]);
    }

    /** An example without a known output, for prediction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Example unknown(boolean classification, String[] names, double[] values) {
        Output unknown = classification ? LabelFactory.UNKNOWN_LABEL : RegressionFactory.UNKNOWN_REGRESSOR;
        return new ArrayExample(unknown, names, values);
    }

    static <T extends Output<T>> MutableDataset<T> dataset(String name, OutputFactory<T> factory, List<Example<T>> rows) {
        MutableDataset<T> ds = new MutableDataset<>(new SimpleDataSourceProvenance(name, factory), factory);
        ds.addAll(rows);
        return ds;
    }

    static List<Example<Label>> labelled(TabularData d, int[] rows) {
        List<Example<Label>> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(labelled(d, r));
        }
        return out;
    }

    static List<Example<Regressor>> targeted(TabularData d, int[] rows) {
        List<Example<Regressor>> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(targeted(d, r));
        }
        return out;
    }
}
