package io.poka.scoring.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcaMonitorTest {

    @Test
    void jacobiSolvesTheEigenEquation() {
        double[][] a = {{4, 1, 2}, {1, 3, 0.5}, {2, 0.5, 5}};
        double[][] v = new double[3][3];
        double[] values = PcaMonitor.jacobi(a, v);
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                double av = 0;
                for (int k = 0; k < 3; k++) {
                    av += a[r][k] * v[k][c];
                }
                assertEquals(values[c] * v[r][c], av, 1e-9);
            }
        }
        // trace is preserved: 4 + 3 + 5
        assertEquals(12, values[0] + values[1] + values[2], 1e-9);
    }
}
