package io.poka.baselines.internal.anomaly;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Isolation forest (Liu, Ting and Zhou, ICDM 2008): random axis-parallel splits isolate anomalies in fewer steps than
 * normal rows. Each tree is grown on a subsample of {@code subsample} rows up to depth ceil(log2 subsample); the score
 * is 2^(-E[h(x)] / c(subsample)), with h the path length plus c(size) for an unsplit leaf and c(n) = 2 H(n - 1) -
 * 2 (n - 1) / n the average path length of an unsuccessful binary search tree search (H = harmonic number).
 */
public final class IsolationForest implements AnomalyMonitor {
    private static final double EULER_GAMMA = 0.5772156649015329;

    /** A node: a split (feature, value, children) or a leaf holding {@code size} training rows. */
    private record Node(int feature, double split, Node left, Node right, int size) implements java.io.Serializable {
        boolean leaf() {
            return left == null;
        }
    }

    private final Node[] trees;
    private final int subsample;
    private final long seed;

    private IsolationForest(Node[] trees, int subsample, long seed) {
        this.trees = trees;
        this.subsample = subsample;
        this.seed = seed;
    }

    public static IsolationForest fit(double[][] z, int trees, int subsample, long seed) {
        Random random = new Random(seed);
        int psi = Math.min(subsample, z.length);
        int limit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        Node[] forest = new Node[trees];
        int[] all = new int[z.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int t = 0; t < trees; t++) {
            // sample psi rows without replacement (partial Fisher-Yates)
            for (int i = 0; i < psi; i++) {
                int j = i + random.nextInt(all.length - i);
                int tmp = all[i];
                all[i] = all[j];
                all[j] = tmp;
            }
            forest[t] = grow(z, Arrays.copyOf(all, psi), 0, limit, random);
        }
        return new IsolationForest(forest, psi, seed);
    }

    private static Node grow(double[][] z, int[] rows, int depth, int limit, Random random) {
        if (depth >= limit || rows.length <= 1) {
            return new Node(-1, 0, null, null, rows.length);
        }
        int p = z[0].length;
        // a feature that varies among these rows; give up (leaf) when none does
        int start = random.nextInt(p);
        for (int k = 0; k < p; k++) {
            int f = (start + k) % p;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r : rows) {
                lo = Math.min(lo, z[r][f]);
                hi = Math.max(hi, z[r][f]);
            }
            if (hi > lo) {
                double split = lo + random.nextDouble() * (hi - lo);
                int[] left = Arrays.stream(rows).filter(r -> z[r][f] < split).toArray();
                int[] right = Arrays.stream(rows).filter(r -> z[r][f] >= split).toArray();
                return new Node(f, split, grow(z, left, depth + 1, limit, random),
                        grow(z, right, depth + 1, limit, random), rows.length);
            }
        }
        return new Node(-1, 0, null, null, rows.length);
    }

    /** c(n): average path length of an unsuccessful search in a binary search tree of n keys. */
    static double averagePath(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        double harmonic = Math.log(n - 1.0) + EULER_GAMMA;
        return 2 * harmonic - 2.0 * (n - 1) / n;
    }

    private static double pathLength(Node node, double[] x) {
        int depth = 0;
        while (!node.leaf()) {
            node = x[node.feature()] < node.split() ? node.left() : node.right();
            depth++;
        }
        return depth + averagePath(node.size());
    }

    @Override
    public String name() {
        return "isolation-forest";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("trees", trees.length);
        h.put("subsample", subsample);
        h.put("seed", seed);
        return h;
    }

    @Override
    public String provenance() {
        return "Isolation forest (Liu, Ting and Zhou 2008), plain Java: " + trees.length + " trees on subsamples of "
                + subsample + " standardised training rows, depth limit ceil(log2 " + subsample + "), seed " + seed;
    }

    @Override
    public double[] scores(double[][] z) {
        double c = averagePath(subsample);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double sum = 0;
            for (Node tree : trees) {
                sum += pathLength(tree, z[i]);
            }
            out[i] = Math.pow(2, -(sum / trees.length) / c);
        }
        return out;
    }
}
