package io.poka.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN WITH (FORMAT binary)}, the bulk path telemetry and spc write
 * through: values go in as their binary wire form (no number or date text to format in Java or parse in the
 * server) into one growable buffer that a caller reuses batch after batch. Format: PostgreSQL manual, "COPY",
 * section "Binary Format"; timestamptz is microseconds since 2000-01-01 UTC, arrays as in array_send.
 * Not thread-safe: one instance per writer thread.
 */
public final class CopyBinary {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z in epoch seconds, PostgreSQL's timestamp origin. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int TIMESTAMPTZ_OID = 1184;

    private byte[] buf = new byte[1 << 16];
    private int len;
    private int rows;

    /** Starts a new COPY stream (header written), dropping what the buffer held. */
    public CopyBinary begin() {
        len = 0;
        rows = 0;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
        len = SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // header extension length
        return this;
    }

    /** Starts a row of {@code fields} columns. */
    public CopyBinary row(int fields) {
        ensure(2);
        buf[len++] = (byte) (fields >>> 8);
        buf[len++] = (byte) fields;
        rows++;
        return this;
    }

    public CopyBinary text(String s) {
        if (s == null) {
            return nul();
        }
        int n = s.length();
        ensure(4 + n);
        int start = len;
        len += 4;
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            buf[len++] = (byte) c;
        }
        if (!ascii) {
            len = start + 4;
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, len, utf8.length);
            len += utf8.length;
        }
        writeIntAt(start, len - start - 4);
        return this;
    }

    public CopyBinary float8(double v) {
        putInt(8);
        putLong(Double.doubleToRawLongBits(v));
        return this;
    }

    public CopyBinary int4(int v) {
        putInt(4);
        putInt(v);
        return this;
    }

    public CopyBinary uuid(UUID id) {
        putInt(16);
        putLong(id.getMostSignificantBits());
        putLong(id.getLeastSignificantBits());
        return this;
    }

    public CopyBinary timestamptz(Instant t) {
        putInt(8);
        putLong(micros(t));
        return this;
    }

    /** A one-dimensional timestamptz[] of epoch milliseconds, without nulls. */
    public CopyBinary timestamptzArrayOfMillis(long[] millis, int count) {
        putInt(20 + count * 12);
        putInt(1); // dimensions
        putInt(0); // no nulls
        putInt(TIMESTAMPTZ_OID);
        putInt(count);
        putInt(1); // lower bound
        for (int i = 0; i < count; i++) {
            putInt(8);
            putLong((millis[i] - PG_EPOCH_SECONDS * 1000) * 1000);
        }
        return this;
    }

    public CopyBinary nul() {
        putInt(-1);
        return this;
    }

    /** Rows written since {@link #begin}. */
    public int rows() {
        return rows;
    }

    /** Ends the stream and sends it with one COPY; returns the rows written. */
    public long copy(Connection c, String copySql) throws SQLException {
        ensure(2);
        buf[len++] = (byte) 0xFF;
        buf[len++] = (byte) 0xFF;
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            in.writeToCopy(buf, 0, len);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
            if (buf.length > (1 << 24)) {
                buf = new byte[1 << 16]; // do not keep a huge buffer after an unusually large batch
            }
        }
    }

    static long micros(Instant t) {
        // to the microsecond, half up, as the server rounds a text timestamp with more digits
        return Math.addExact(Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), (t.getNano() + 500) / 1000);
    }

    private void putInt(int v) {
        ensure(4);
        writeIntAt(len, v);
        len += 4;
    }

    private void writeIntAt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void putLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[len + i] = (byte) v;
            v >>>= 8;
        }
        len += 8;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
