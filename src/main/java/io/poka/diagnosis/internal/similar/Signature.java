package io.poka.diagnosis.internal.similar;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an incident or anomaly looks like for comparison: the weight of each affected variable (the anomaly model's
 * contribution, or rule firings where no model contributed) and the set of affected variables.
 */
public record Signature(Map<String, Double> weights) {
    public Signature {
        weights = Map.copyOf(weights);
    }

    /** The variables with a positive weight. */
    public Set<String> variables() {
        Set<String> out = new TreeSet<>();
        weights.forEach((v, w) -> {
            if (w > 0) {
                out.add(v);
            }
        });
        return out;
    }

    /** Cosine similarity of the weight vectors over the union of variables; 0 when either is empty. */
    public double cosine(Signature other) {
        double dot = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            dot += e.getValue() * other.weights.getOrDefault(e.getKey(), 0.0);
        }
        double a = norm();
        double b = other.norm();
        return a == 0 || b == 0 ? 0 : dot / (a * b);
    }

    /** |A and B| / |A or B| of the affected variables; 0 when both are empty. */
    public double jaccard(Signature other) {
        Set<String> a = variables();
        Set<String> b = other.variables();
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both.size() / (double) union.size();
    }

    /** The variables affected in both, by name. */
    public Set<String> shared(Signature other) {
        Set<String> both = new TreeSet<>(variables());
        both.retainAll(other.variables());
        return both;
    }

    /** {@code cosineWeight} x cosine + (1 - cosineWeight) x Jaccard. */
    public double similarity(Signature other, double cosineWeight) {
        return cosineWeight * cosine(other) + (1 - cosineWeight) * jaccard(other);
    }

    private double norm() {
        double s = 0;
        for (double w : weights.values()) {
            s += w * w;
        }
        return Math.sqrt(s);
    }

    /** A signature from variable names and their weights (same order); a name seen twice adds up. */
    public static Signature of(java.util.List<String> variables, java.util.List<Double> values) {
        Map<String, Double> w = new TreeMap<>();
        for (int i = 0; i < variables.size(); i++) {
            double v = i < values.size() && values.get(i) != null ? values.get(i) : 1.0;
            w.merge(variables.get(i), Math.max(0, v), Double::sum);
        }
        return new Signature(w);
    }
}
