package io.poka.spc.internal;

import io.poka.spc.internal.chart.Subgroup;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Forms rational subgroups from a stream of individual readings. With a sampling interval, subgroup k holds the
 * readings whose time falls in [k·n·interval, (k+1)·n·interval): the grouping follows from timestamps alone, so a
 * live stream and a later query of a time range form the same subgroups. Without one, n consecutive readings make a
 * subgroup. A subgroup closes at n readings or when a reading of a later window arrives; a closed partial subgroup
 * of fewer than 2 readings carries no range or S and is dropped.
 */
final class SubgroupAssembler {

    /** A closed subgroup and the time of its newest reading, which is its point's time. */
    record Closed(Subgroup subgroup, Instant time) {
    }

    private final int size;
    private final long windowMillis;
    private final double[] values;
    private int count;
    private long window = Long.MIN_VALUE;
    private Instant last;

    SubgroupAssembler(int size, Double samplingIntervalSeconds) {
        this.size = size;
        this.windowMillis = samplingIntervalSeconds == null ? 0 : Math.max(1, Math.round(samplingIntervalSeconds * 1000 * size));
        this.values = new double[size];
    }

    List<Closed> add(Instant time, double value) {
        List<Closed> closed = new ArrayList<>(1);
        if (windowMillis > 0) {
            long w = Math.floorDiv(time.toEpochMilli(), windowMillis);
            if (w != window) {
                flush(closed);
                window = w;
            }
        }
        values[count++] = value;
        last = time;
        if (count == size) {
            flush(closed);
        }
        return closed;
    }

    /** Writes the open subgroup (its readings so far, its time window and newest time). */
    void save(DataOutput out) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeDouble(values[i]);
        }
        out.writeLong(window);
        out.writeBoolean(last != null);
        if (last != null) {
            out.writeLong(last.getEpochSecond());
            out.writeInt(last.getNano());
        }
    }

    void restore(DataInput in) throws IOException {
        count = in.readInt();
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        window = in.readLong();
        last = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private void flush(List<Closed> closed) {
        if (count >= 2) {
            double[] v = new double[count];
            System.arraycopy(values, 0, v, 0, count);
            closed.add(new Closed(new Subgroup(v), last));
        }
        count = 0;
    }
}
