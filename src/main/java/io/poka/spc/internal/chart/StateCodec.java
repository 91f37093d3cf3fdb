package io.poka.spc.internal.chart;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Helpers for writing a chart's memory bit for bit (raw IEEE 754 doubles), so a chart restored on another replica
 * goes on exactly as the one that saved it.
 */
public final class StateCodec {
    private StateCodec() {
    }

    public static void writeNullable(DataOutput out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    public static Double readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    public static void writeLongs(DataOutput out, List<Long> values) throws IOException {
        out.writeInt(values.size());
        for (long v : values) {
            out.writeLong(v);
        }
    }

    /** Replaces the list's content by what {@link #writeLongs} wrote. */
    public static void readLongs(DataInput in, List<Long> into) throws IOException {
        into.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            into.add(in.readLong());
        }
    }
}
