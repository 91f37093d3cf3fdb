package io.poka.spc.internal.chart;

import java.util.List;

final class Subgroups {

    private Subgroups() {
    }

    static int fixedSize(List<Subgroup> baseline) {
        if (baseline.isEmpty()) {
            throw new IllegalArgumentException("empty baseline");
        }
        int n = baseline.get(0).size();
        for (Subgroup s : baseline) {
            if (s.size() != n) {
                throw new IllegalArgumentException("X-bar/R needs one subgroup size; use X-bar/S for varying sizes");
            }
        }
        if (n < ControlChartConstants.MIN_N || n > ControlChartConstants.MAX_N) {
            throw new IllegalArgumentException("X-bar/R needs 2 <= n <= 25, got " + n);
        }
        return n;
    }
}
