package io.poka.spc.internal;

/**
 * Reference data sets of the R package qcc (L. Scrucca, luca-scr/qcc, files data/pistonrings.txt,
 * data/orangejuice.txt, data/circuit.txt), which take them from D. C. Montgomery, Introduction to Statistical
 * Quality Control. Kept here verbatim so the tests can reproduce qcc's documented outputs.
 */
public final class QccDataSets {

    /**
     * pistonrings: inside diameter (mm) of forged automotive piston rings, 40 subgroups of 5; subgroups 1-25 are
     * the phase I ("trial") samples, 26-40 phase II (Montgomery, 1991, pp. 206-213).
     */
    public static final double[][] PISTONRINGS = {
            {74.030, 74.002, 74.019, 73.992, 74.008},
            {73.995, 73.992, 74.001, 74.011, 74.004},
            {73.988, 74.024, 74.021, 74.005, 74.002},
            {74.002, 73.996, 73.993, 74.015, 74.009},
            {73.992, 74.007, 74.015, 73.989, 74.014},
            {74.009, 73.994, 73.997, 73.985, 73.993},
            {73.995, 74.006, 73.994, 74.000, 74.005},
            {73.985, 74.003, 73.993, 74.015, 73.988},
            {74.008, 73.995, 74.009, 74.005, 74.004},
            {73.998, 74.000, 73.990, 74.007, 73.995},
            {73.994, 73.998, 73.994, 73.995, 73.990},
            {74.004, 74.000, 74.007, 74.000, 73.996},
            {73.983, 74.002, 73.998, 73.997, 74.012},
            {74.006, 73.967, 73.994, 74.000, 73.984},
            {74.012, 74.014, 73.998, 73.999, 74.007},
            {74.000, 73.984, 74.005, 73.998, 73.996},
            {73.994, 74.012, 73.986, 74.005, 74.007},
            {74.006, 74.010, 74.018, 74.003, 74.000},
            {73.984, 74.002, 74.003, 74.005, 73.997},
            {74.000, 74.010, 74.013, 74.020, 74.003},
            {73.988, 74.001, 74.009, 74.005, 73.996},
            {74.004, 73.999, 73.990, 74.006, 74.009},
            {74.010, 73.989, 73.990, 74.009, 74.014},
            {74.015, 74.008, 73.993, 74.000, 74.010},
            {73.982, 73.984, 73.995, 74.017, 74.013},
            {74.012, 74.015, 74.030, 73.986, 74.000},
            {73.995, 74.010, 73.990, 74.015, 74.001},
            {73.987, 73.999, 73.985, 74.000, 73.990},
            {74.008, 74.010, 74.003, 73.991, 74.006},
            {74.003, 74.000, 74.001, 73.986, 73.997},
            {73.994, 74.003, 74.015, 74.020, 74.004},
            {74.008, 74.002, 74.018, 73.995, 74.005},
            {74.001, 74.004, 73.990, 73.996, 73.998},
            {74.015, 74.000, 74.016, 74.025, 74.000},
            {74.030, 74.005, 74.000, 74.016, 74.012},
            {74.001, 73.990, 73.995, 74.010, 74.024},
            {74.015, 74.020, 74.024, 74.005, 74.019},
            {74.035, 74.010, 74.012, 74.015, 74.026},
            {74.017, 74.013, 74.036, 74.025, 74.026},
            {74.010, 74.005, 74.029, 74.000, 74.020},
    };

    /**
     * orangejuice: nonconforming cardboard orange-juice cans in samples of 50; samples 1-30 are the trial
     * samples, 31-54 were taken after an adjustment of the machine.
     */
    public static final int[] ORANGEJUICE_NONCONFORMING = {12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6, 9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5};
    public static final int ORANGEJUICE_SAMPLE_SIZE = 50;
    public static final int ORANGEJUICE_TRIAL_SAMPLES = 30;

    /**
     * circuit: nonconformities in inspection units of 100 printed circuit boards; samples 1-26 are the trial
     * samples, 27-46 later samples.
     */
    public static final int[] CIRCUIT_NONCONFORMITIES = {21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15, 16, 18, 12, 15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9, 16, 21};
    public static final int CIRCUIT_UNIT_SIZE = 100;
    public static final int CIRCUIT_TRIAL_SAMPLES = 26;

    /** Viscosity readings used by qcc's vignette for the xbar.one chart (Montgomery, p. 242). */
    public static final double[] VISCOSITY = {33.75, 33.05, 34, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.20,
            33.62, 33.00, 33.54, 33.12, 33.84};

    private QccDataSets() {
    }
}
