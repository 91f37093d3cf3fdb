package io.poka.prognostics.internal.model;

/**
 * The cycles of one unit (engine, machine) in time order: {@code rows[cycle][feature]}; {@code rul} holds each
 * cycle's remaining useful life when the unit ran to failure (training data), null for a unit still running.
 */
public record UnitHistory(String unit, double[][] rows, double[] rul) {

    public int cycles() {
        return rows.length;
    }

    /** The first {@code cycles} cycles, as a history cut at that point (the remaining life is kept per cycle). */
    public UnitHistory cutAt(int cycles) {
        return new UnitHistory(unit, java.util.Arrays.copyOf(rows, cycles),
                rul == null ? null : java.util.Arrays.copyOf(rul, cycles));
    }
}
