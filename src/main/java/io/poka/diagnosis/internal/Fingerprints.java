package io.poka.diagnosis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** SHA-256 fingerprints of training data and model parameters, so an auditor can tell two trainings' inputs apart. */
final class Fingerprints {
    private Fingerprints() {
    }

    /** Over each label, then its runs' rows as shortest round-trip decimals (comma-separated, LF per row). */
    static String ofRuns(Map<String, List<double[][]>> runs) {
        MessageDigest digest = sha256();
        runs.forEach((label, list) -> {
            digest.update((label + "\n").getBytes(StandardCharsets.UTF_8));
            for (double[][] run : list) {
                for (double[] row : run) {
                    StringBuilder line = new StringBuilder();
                    for (int j = 0; j < row.length; j++) {
                        line.append(j == 0 ? "" : ",").append(row[j]);
                    }
                    digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
