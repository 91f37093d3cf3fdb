package io.poka.spc.internal.chart;

/** Upper and lower tabular CUSUM sums after one observation, in the data's own unit, with decision interval H. */
public record CusumPoint(long index, double value, double upper, double lower, double decisionInterval) {

    public boolean signalsUpward() {
        return upper > decisionInterval;
    }

    public boolean signalsDownward() {
        return lower > decisionInterval;
    }
}
