package io.poka.baselines.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Anomaly baseline: Tribuo's one-class SVM (LibSVM, RBF kernel) on standardised normal rows. The anomaly score is the
 * negated decision value (larger = more anomalous); the alarm limit is calibrated on held-out normal rows to a target
 * false-alarm rate, as the scoring module does for the VAE-GAN and PCA.
 */
public final class OneClassSvmMonitor implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final AnomalyFactory EVENTS = new AnomalyFactory();

    private final Model<Event> model;
    private final double[] mean;
    private final double[] std;
    private final String[] names;
    private double limit = Double.POSITIVE_INFINITY;

    private OneClassSvmMonitor(Model<Event> model, double[] mean, double[] std, String[] names) {
        this.model = model;
        this.mean = mean;
        this.std = std;
        this.names = names;
    }

    /**
     * @param nu upper bound of the fraction of training rows outside the boundary
     * @param gamma RBF kernel width on standardised variables (1 / variables is LibSVM's default)
     */
    public static OneClassSvmMonitor fit(double[][] normal, double nu, double gamma, long seed) {
        int d = normal[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : normal) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / normal.length;
            }
        }
        for (double[] row : normal) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (normal.length - 1);
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1.0;
        }
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("v%02d", j + 1);
        }
        OneClassSvmMonitor m = new OneClassSvmMonitor(null, mean, std, names);
        MutableDataset<Event> ds = new MutableDataset<>(new SimpleDataSourceProvenance("normal", EVENTS), EVENTS);
        for (double[] row : normal) {
            ds.add(m.example(row));
        }
        SVMParameters<Event> p = new SVMParameters<>(new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS),
                KernelType.RBF);
        p.setNu(nu);
        p.setGamma(gamma);
        return new OneClassSvmMonitor(new LibSVMAnomalyTrainer(p, seed).train(ds), mean, std, names);
    }

    private Example<Event> example(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / std[j];
        }
        return new ArrayExample<>(new Event(Event.EventType.EXPECTED), names, z);
    }

    /** Anomaly score per row: the negated one-class SVM decision value. */
    public double[] scores(double[][] rows) {
        List<Example<Event>> examples = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            examples.add(example(row));
        }
        List<Prediction<Event>> out = model.predict(examples);
        return out.stream().mapToDouble(p -> -p.getOutput().getScore()).toArray();
    }

    /**
     * Sets the alarm limit to the ceil((1 - alpha) n)-th smallest score of the held-out normal rows, so at most
     * alpha of them raise an alarm.
     */
    public double calibrate(double[][] heldOutNormal, double alpha) {
        double[] s = scores(heldOutNormal);
        Arrays.sort(s);
        int k = (int) Math.ceil((1 - alpha) * s.length);
        limit = s[Math.min(s.length - 1, Math.max(0, k - 1))];
        return limit;
    }

    /** Fraction of rows whose score exceeds the limit (detection rate on fault rows, false alarms on normal rows). */
    public double alarmRate(double[][] rows) {
        return Arrays.stream(scores(rows)).filter(v -> v > limit).count() / (double) rows.length;
    }

    public String provenance() {
        return model.getProvenance().toString();
    }
}
