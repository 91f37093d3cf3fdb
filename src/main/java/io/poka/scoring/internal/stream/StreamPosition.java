package io.poka.scoring.internal.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How far a line's streamed scoring has got, and everything its next flags depend on: the model version, the time
 * of the newest scored row, the alarm rule's memory and the rows the model's features look back on. Saved in the
 * transaction of the anomaly events, so whoever scores the line next (a new owner after a move or a crash) continues
 * from exactly the state those events were computed from.
 *
 * @param ruleMemory {@code AlarmRule.State#memory()}
 * @param history the last rows scored, oldest first, in the model's column order
 */
public record StreamPosition(String line, UUID modelId, Instant lastScoredAt, double[] ruleMemory,
        List<double[]> history) {

    private static final int FORMAT = 1;

    /** The state as bytes (format 1: rule memory, then the history rows, all doubles). */
    public byte[] state() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * (ruleMemory.length
                + history.stream().mapToInt(r -> r.length).sum()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(ruleMemory.length);
            for (double v : ruleMemory) {
                out.writeDouble(v);
            }
            out.writeInt(history.size());
            out.writeInt(history.isEmpty() ? 0 : history.get(0).length);
            for (double[] row : history) {
                for (double v : row) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a position saved by {@link #state()}. */
    public static StreamPosition of(String line, UUID modelId, Instant lastScoredAt, byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown streaming position format " + format);
            }
            double[] memory = new double[in.readInt()];
            for (int i = 0; i < memory.length; i++) {
                memory[i] = in.readDouble();
            }
            int rows = in.readInt();
            int width = in.readInt();
            List<double[]> history = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                double[] row = new double[width];
                for (int i = 0; i < width; i++) {
                    row[i] = in.readDouble();
                }
                history.add(row);
            }
            return new StreamPosition(line, modelId, lastScoredAt, memory, history);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
