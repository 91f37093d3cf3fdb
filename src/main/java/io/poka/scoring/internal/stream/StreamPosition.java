package io.poka.scoring.internal.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * How far a line's streamed scoring has got, and what its next flags depend on beyond the stored readings: the model
 * version, the time of the newest scored row and the alarm rule's memory (the rows the features look back on are the
 * stored complete steps up to that time, read back on restore). Saved in the transaction of the anomaly events, so
 * whoever scores the line next (a new owner after a move or a crash) continues from exactly the state those events
 * were computed from (13 bytes per window for EWMA, at most 805 for K_OF_N).
 *
 * @param ruleMemory {@code AlarmRule.State#memory()}
 */
public record StreamPosition(String line, UUID modelId, Instant lastScoredAt, double[] ruleMemory) {

    private static final int FORMAT = 1;

    /** The state as bytes (format 1: the rule memory's length, then its doubles). */
    public byte[] state() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + 8 * ruleMemory.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(ruleMemory.length);
            for (double v : ruleMemory) {
                out.writeDouble(v);
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
            return new StreamPosition(line, modelId, lastScoredAt, memory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
