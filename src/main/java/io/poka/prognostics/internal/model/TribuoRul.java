package io.poka.prognostics.internal.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.BinningTransformation;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The Tribuo RUL models on {@link WindowFeatures}: a random forest of CART trees (on features binned by equal frequency
 * inside the model, which makes Tribuo's CART affordable on all training windows), XGBoost and a linear model
 * (standardised inside the model). Every cycle of every training unit ends one training window, target capped.
 */
public final class TribuoRul implements FittedRul {
    public static final String RANDOM_FOREST = "random-forest";
    public static final String XGBOOST = "xgboost";
    public static final String LINEAR = "linear";

    /**
     * Bins per feature for the random forest; histogram tree learners use similar counts (XGBoost's hist method and
     * LightGBM default to 256 and 255).
     */
    static final int FOREST_BINS = 64;

    private static final RegressionFactory FACTORY = new RegressionFactory();

    private final String kind;
    private final Model<Regressor> model;
    private final WindowFeatures features;

    private TribuoRul(String kind, Model<Regressor> model, WindowFeatures features) {
        this.kind = kind;
        this.model = model;
        this.features = features;
    }

    public static TribuoRul fit(String kind, List<UnitHistory> train, List<String> sensors, RulSettings s) {
        WindowFeatures wf = new WindowFeatures(s.window(), sensors);
        String[] names = wf.names().toArray(String[]::new);
        List<Example<Regressor>> rows = new ArrayList<>();
        for (UnitHistory u : train) {
            for (int end = 0; end < u.cycles(); end++) {
                rows.add(new ArrayExample<>(new Regressor("rul", RulTarget.capped(u.rul()[end], s.cap())), names,
                        wf.at(u.rows(), end)));
            }
        }
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("rul-windows", FACTORY), FACTORY);
        ds.addAll(rows);
        return new TribuoRul(kind, trainer(kind, s).train(ds), wf);
    }

    static Trainer<Regressor> trainer(String kind, RulSettings s) {
        return switch (kind) {
            // each feature binned first (equal frequency, FOREST_BINS bins; fitted on the training windows, stored in
            // the model and applied at prediction): Tribuo's greedy CART split search scores every candidate threshold
            // by summing over all examples on each side, so its cost grows with distinct values x examples
            case RANDOM_FOREST -> new TransformTrainer<>(new RandomForestTrainer<>(
                    new CARTRegressionTrainer(s.forestMaxDepth(), 5f, 0f, 0.33f, false, new MeanSquaredError(), s.seed()),
                    new AveragingCombiner(), s.forestTrees(), s.seed()),
                    new TransformationMap(List.of(BinningTransformation.equalFrequency(FOREST_BINS))), true);
            // (type, rounds, eta, gamma, depth, min child weight, subsample, feature subsample, lambda, alpha,
            // threads, silent, seed): one thread, the box is shared
            case XGBOOST -> new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
                    s.xgboostRounds(), s.xgboostEta(), 0, s.xgboostDepth(), 1, 0.8, 0.8, 1, 0, 1, true, s.seed());
            case LINEAR -> new TransformTrainer<>(new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                    new SquaredLoss(), new AdaGrad(0.5, 0.1), s.sgdEpochs(), 100000, 1, s.seed()),
                    new TransformationMap(List.of(new MeanStdDevTransformation())), true);
            default -> throw new IllegalArgumentException("unknown Tribuo RUL model " + kind);
        };
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public double[] predict(List<RulWindow> windows) {
        String[] names = features.names().toArray(String[]::new);
        List<Example<Regressor>> examples = new ArrayList<>(windows.size());
        for (RulWindow w : windows) {
            examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, features.at(w.rows(), w.end())));
        }
        List<Prediction<Regressor>> p = model.predict(examples);
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.get(i).getOutput().getValues()[0];
        }
        return out;
    }

    /** Tribuo's provenance of the fitted model (trainer, hyperparameters, data), for the registry. */
    public String provenance() {
        return model.getProvenance().toString();
    }

    @Override
    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static TribuoRul load(String kind, byte[] bytes, int window, List<String> sensors) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return new TribuoRul(kind, (Model<Regressor>) in.readObject(), new WindowFeatures(window, sensors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
