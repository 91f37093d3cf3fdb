package io.poka.diagnosis.bench;

import io.poka.diagnosis.internal.model.FaultClassifier;
import io.poka.diagnosis.internal.model.WindowClassifier;
import io.poka.diagnosis.internal.model.WindowFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo XGBoost over the same window features, for the bench's comparison only (no open-set rule: it never says
 * unknown). 50 rounds, eta 0.3, depth 4, one thread (the box is shared).
 */
final class XgboostWindowClassifier implements WindowClassifier {
    private final Model<Label> model;
    private final WindowFeatures features;
    private final String[] names;
    private final int window;

    private XgboostWindowClassifier(Model<Label> model, WindowFeatures features, String[] names, int window) {
        this.model = model;
        this.features = features;
        this.names = names;
        this.window = window;
    }

    static XgboostWindowClassifier train(Map<String, List<double[][]>> parts, double[][] normal,
            WindowFeatures.FeatureSet set, int window, int stride) {
        WindowFeatures features = WindowFeatures.fittedOn(normal, set);
        String[] names = new String[features.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("f%03d", j);
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("tep-windows", factory),
                factory);
        parts.forEach((label, runs) -> {
            for (double[][] run : runs) {
                for (int from = 0; from + window <= run.length; from += stride) {
                    data.add(new ArrayExample<>(new Label(label), names, features.of(run, from, window)));
                }
            }
        });
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(50, 0.3, 0, 4, 1, 1, 1, 1, 0, 1, true,
                42L);
        return new XgboostWindowClassifier(trainer.train(data), features, names, window);
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public FaultClassifier.Verdict classify(double[][] rows, int from) {
        var p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, features.of(rows, from, window)));
        List<FaultClassifier.Likely> likely = new ArrayList<>();
        p.getOutputScores().forEach((label, score) -> likely.add(new FaultClassifier.Likely(label, score.getScore())));
        likely.sort(Comparator.comparingDouble(l -> -l.probability()));
        return new FaultClassifier.Verdict(likely.get(0).label(), likely, 0, Double.POSITIVE_INFINITY);
    }
}
