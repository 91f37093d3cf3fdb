package io.poka.baselines.internal.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A built-in numeric data set with either class labels (classification) or numeric targets (regression), plus an
 * optional group per row (the engine unit of C-MAPSS) so splits can keep a group on one side.
 *
 * @param labels class per row, or null for regression
 * @param targets numeric target per row, or null for classification
 * @param groups group id per row, or null
 */
public record TabularData(String name, List<String> features, String target, double[][] x, String[] labels,
        double[] targets, int[] groups) {

    public int rows() {
        return x.length;
    }

    public boolean classification() {
        return labels != null;
    }

    /**
     * SHA-256 of the canonical CSV: header (features then target), Java's shortest round-trip decimal of each value
     * (labels as text), comma separated, LF line ends. Group ids are not part of the content.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder line = new StringBuilder(String.join(",", features)).append(',').append(target).append('\n');
            sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < x.length; i++) {
                line.setLength(0);
                for (double v : x[i]) {
                    line.append(v).append(',');
                }
                line.append(labels != null ? labels[i] : Double.toString(targets[i])).append('\n');
                sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
