package io.poka.diagnosis.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained fault classifier with its open-set rule: linear class scores over standardised window features (fitted by
 * softmax regression or linear discriminant analysis) give the class probabilities through a softmax; a window whose
 * distance to the centroid of its most probable class exceeds that class's radius (the {@code quantile} of its
 * training windows' distances times {@code radiusFactor}) matches no known class and is called unknown. Distances are
 * measured per feature in units of the class's own spread (a diagonal Mahalanobis distance) over the features farthest
 * from the centroid, so a fault that moves a few variables the known classes hold steady stands out even among
 * hundreds of quiet features.
 *
 * @param labels class names, index = class
 * @param variables the variable names, in the order the features expect
 * @param window rows per window
 * @param featureMean mean of each feature over the training windows
 * @param featureScale standard deviation of each feature over the training windows
 * @param centroids per class, the mean of its training windows' scaled features
 * @param spreads per class and feature, the standard deviation of its training windows (floored at
 *        {@link #SPREAD_FLOOR}): the distance to a class is measured in these units, so a shift in a feature the class
 *        holds steady counts for much
 * @param radii per class, the distance beyond which a window is not of that class
 * @param features the feature set's id ({@link WindowFeatures.FeatureSet}); null (models stored before) = basic
 * @param distanceFeatures the distance is over the this many features farthest from the centroid (in spread units);
 *        null or 0 (models stored before) = over every feature
 */
public record FaultClassifier(List<String> labels, List<String> variables, int window, double[] centre,
        double[] scale, double[] featureMean, double[] featureScale, double[][] weights, double[][] centroids,
        double[][] spreads, double[] radii, String features, Integer distanceFeatures) implements WindowClassifier {

    /** The smallest per-feature spread (in units of the feature's overall standard deviation). */
    public static final double SPREAD_FLOOR = 0.05;

    /** The label of a window that matches no class of the model. */
    public static final String UNKNOWN = "unknown";

    /** One class and its probability. */
    public record Likely(String label, double probability) {
    }

    /**
     * What the classifier says of one window.
     *
     * @param verdict the most probable class, or {@link #UNKNOWN}
     * @param likely every class with its probability, most probable first
     * @param distance distance of the window to the centroid of its most probable class
     * @param radius that class's radius: beyond it the verdict is unknown
     */
    public record Verdict(String verdict, List<Likely> likely, double distance, double radius) {
        public boolean unknown() {
            return UNKNOWN.equals(verdict);
        }

        public String best() {
            return likely.get(0).label();
        }
    }

    /** How the linear class scores are fitted. */
    public enum Learner {
        /** multinomial logistic regression, full-batch Adam ({@link SoftmaxRegression}); uses epochs and l2 */
        SOFTMAX,
        /** linear discriminant analysis, shrunk pooled covariance ({@link LinearDiscriminant}); uses shrinkage */
        LDA;

        public static Learner named(String name) {
            return name == null ? SOFTMAX : valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Settings of a training. */
    public record Settings(int window, int stride, int epochs, double l2, double quantile, double radiusFactor,
            long seed, WindowFeatures.FeatureSet features, Learner learner, double shrinkage, int distanceFeatures) {
    }

    /**
     * Trains on labelled runs (each run = rows in time order, one class per run).
     *
     * @param runs per label, its runs
     * @param normalRows rows of normal operation, to standardise the variables
     */
    public static FaultClassifier train(List<String> variables, Map<String, List<double[][]>> runs,
            double[][] normalRows, Settings s) {
        WindowFeatures features = WindowFeatures.fittedOn(normalRows, s.features());
        List<String> labels = new ArrayList<>(runs.keySet());
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            for (double[][] run : runs.get(labels.get(c))) {
                for (int from = 0; from + s.window() <= run.length; from += s.stride()) {
                    x.add(features.of(run, from, s.window()));
                    y.add(c);
                }
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("no window of " + s.window() + " rows in the training runs");
        }
        int d = features.size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] f : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += f[j] / x.size();
            }
        }
        for (double[] f : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / x.size();
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] > 1e-12 ? Math.sqrt(sd[j]) : 1.0;
        }
        double[][] scaled = new double[x.size()][];
        int[] labelsOf = new int[x.size()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = scale(x.get(i), mean, sd);
            labelsOf[i] = y.get(i);
        }
        SoftmaxRegression model = s.learner() == Learner.LDA
                ? LinearDiscriminant.fit(scaled, labelsOf, labels.size(), s.shrinkage())
                : SoftmaxRegression.fit(scaled, labelsOf, labels.size(), s.epochs(), s.l2(), s.seed());
        double[][] centroids = new double[labels.size()][d];
        int[] counts = new int[labels.size()];
        for (int i = 0; i < scaled.length; i++) {
            counts[labelsOf[i]]++;
            for (int j = 0; j < d; j++) {
                centroids[labelsOf[i]][j] += scaled[i][j];
            }
        }
        for (int c = 0; c < labels.size(); c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= Math.max(1, counts[c]);
            }
        }
        double[][] spreads = new double[labels.size()][d];
        for (int i = 0; i < scaled.length; i++) {
            for (int j = 0; j < d; j++) {
                double e = scaled[i][j] - centroids[labelsOf[i]][j];
                spreads[labelsOf[i]][j] += e * e;
            }
        }
        for (int c = 0; c < labels.size(); c++) {
            for (int j = 0; j < d; j++) {
                spreads[c][j] = Math.max(SPREAD_FLOOR, Math.sqrt(spreads[c][j] / Math.max(1, counts[c] - 1)));
            }
        }
        double[] radii = new double[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            List<Double> dist = new ArrayList<>();
            for (int i = 0; i < scaled.length; i++) {
                if (labelsOf[i] == c) {
                    dist.add(distance(scaled[i], centroids[c], spreads[c], s.distanceFeatures()));
                }
            }
            radii[c] = quantile(dist, s.quantile()) * s.radiusFactor();
        }
        return new FaultClassifier(List.copyOf(labels), List.copyOf(variables), s.window(), features.centre(),
                features.scale(), mean, sd, model.weights(), centroids, spreads, radii, s.features().id(),
                s.distanceFeatures());
    }

    /** The verdict on rows [from, from + window) of {@code rows} (columns in {@link #variables()} order). */
    @Override
    public Verdict classify(double[][] rows, int from) {
        double[] f = scale(new WindowFeatures(centre, scale, WindowFeatures.FeatureSet.named(features)).of(rows, from,
                window), featureMean, featureScale);
        double[] p = new SoftmaxRegression(weights).probabilities(f);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
        List<Likely> likely = new ArrayList<>();
        for (int i : order) {
            likely.add(new Likely(labels.get(i), p[i]));
        }
        int best = order[0];
        double distance = distance(f, centroids[best], spreads[best], distanceFeatures == null ? 0 : distanceFeatures);
        String verdict = distance > radii[best] ? UNKNOWN : labels.get(best);
        return new Verdict(verdict, likely, distance, radii[best]);
    }

    /** The verdict on the last {@link #window()} rows. */
    public Verdict classifyLast(double[][] rows) {
        return classify(rows, rows.length - window);
    }

    /** Per label, the windows of a run (stride {@code stride}) it was given. */
    public Map<String, List<Verdict>> classifyRuns(Map<String, List<double[][]>> runs, int stride) {
        Map<String, List<Verdict>> out = new LinkedHashMap<>();
        runs.forEach((label, list) -> {
            List<Verdict> verdicts = new ArrayList<>();
            for (double[][] run : list) {
                for (int from = 0; from + window <= run.length; from += stride) {
                    verdicts.add(classify(run, from));
                }
            }
            out.put(label, verdicts);
        });
        return out;
    }

    private static double[] scale(double[] f, double[] mean, double[] sd) {
        double[] out = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            out[j] = (f[j] - mean[j]) / sd[j];
        }
        return out;
    }

    /**
     * Root mean square of the per-feature distances in units of the class's spread, over the {@code top} largest of
     * them (every feature when {@code top} is 0 or not below the feature count): a fault that moves a few variables far
     * is not averaged away among hundreds of quiet features.
     */
    static double distance(double[] a, double[] centroid, double[] spread, int top) {
        boolean all = top <= 0 || top >= a.length;
        double[] largest = new double[all ? 0 : top]; // ascending
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double z = (a[j] - centroid[j]) / spread[j];
            double z2 = z * z;
            if (all) {
                s += z2;
            } else if (z2 > largest[0]) {
                int i = 0;
                while (i + 1 < largest.length && largest[i + 1] < z2) {
                    largest[i] = largest[i + 1];
                    i++;
                }
                largest[i] = z2;
            }
        }
        if (!all) {
            for (double v : largest) {
                s += v;
            }
        }
        return Math.sqrt(s / (all ? a.length : top));
    }

    private static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
