package io.poka.telemetry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.poka.platform.RecordChanged;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The data lifecycle of raw readings: daily partitions created ahead of time, readings that landed in the default
 * partition moved into a partition of their day, and partitions past retention archived (gzip CSV and a verified
 * manifest) before they are dropped. Only telemetry.reading_row partitions and rollup rows are ever removed; violations,
 * incidents, audit, lots, inspections and NCRs live in other tables this class never names. Each step runs in its
 * own transaction under a transaction-scoped advisory lock, so replicas running the job at once do it once.
 */
@ApplicationScoped
public class ReadingLifecycle {
    /** What one maintenance run did. */
    public record Report(List<String> created, List<String> settled, List<ArchiveManifest> archived,
            long rollupRowsPruned) {
    }

    private static final Logger LOG = Logger.getLogger(ReadingLifecycle.class);
    /** Advisory lock key of the job (any constant the other modules do not use; "poka.telemetry.lifecycle"). */
    private static final long LOCK = 0x706f6b612e746cL;
    private static final String ENTITY = "ReadingPartition";

    private final AgroalDataSource dataSource;
    private final TelemetryConfig config;
    private final ReadingArchive archive;
    private final Event<RecordChanged> changes;

    ReadingLifecycle(AgroalDataSource dataSource, TelemetryConfig config, ObjectMapper json, Event<RecordChanged> changes) {
        this.dataSource = dataSource;
        this.config = config;
        this.archive = new ReadingArchive(json);
        this.changes = changes;
    }

    /** One run at the instant given (the clock's, or a test's): create ahead, settle the default, retention. */
    public Report maintain(Instant now) throws SQLException, IOException {
        TelemetryConfig.Storage s = config.storage();
        if (s.minuteRollupRetention().compareTo(s.retention()) < 0 || s.hourRollupRetention().compareTo(s.retention()) < 0) {
            throw new IllegalStateException("rollups must be kept at least as long as raw readings "
                    + "(poka.telemetry.storage.*-rollup-retention >= poka.telemetry.storage.retention)");
        }
        List<String> created = new ArrayList<>();
        for (PartitionPlan.Day day : PartitionPlan.ahead(now, s.partitionsAhead())) {
            if (createPartition(day)) {
                created.add(day.name());
            }
        }
        List<String> settled = new ArrayList<>();
        for (PartitionPlan.Day day : daysInDefault()) {
            if (createPartition(day)) {
                settled.add(day.name());
            }
        }
        List<ArchiveManifest> archived = new ArrayList<>();
        for (PartitionPlan.Day day : PartitionPlan.pastRetention(partitions(), now, s.retention())) {
            ArchiveManifest m = archiveAndDrop(day, now);
            if (m != null) {
                archived.add(m);
            }
        }
        long pruned = pruneRollups(now);
        Report report = new Report(created, settled, archived, pruned);
        if (!created.isEmpty() || !settled.isEmpty() || !archived.isEmpty() || pruned > 0) {
            LOG.infof("Readings lifecycle: created %s, settled %s, archived and dropped %s, %d rollup rows pruned",
                    created, settled, archived.stream().map(ArchiveManifest::partition).toList(), pruned);
        }
        return report;
    }

    /** The daily partitions that exist, oldest first. */
    @Transactional
    public List<PartitionPlan.Day> partitions() throws SQLException {
        List<PartitionPlan.Day> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "where i.inhparent = 'telemetry.reading_row'::regclass order by 1")) {
            while (rs.next()) {
                PartitionPlan.Day.parse(rs.getString(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    @Transactional
    List<PartitionPlan.Day> daysInDefault() throws SQLException {
        List<PartitionPlan.Day> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct date_trunc('day', ts, 'UTC') from "
                        + "telemetry.reading_row_default order by 1")) {
            while (rs.next()) {
                out.add(PartitionPlan.Day.of(rs.getTimestamp(1).toInstant()));
            }
        }
        return out;
    }

    /**
     * Creates the day's partition if it is missing; readings of that day waiting in the default partition are moved
     * into it first (a partition cannot be attached over rows the default holds). False if it existed, or another
     * replica holds the job's lock.
     */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 3600)
    boolean createPartition(PartitionPlan.Day day) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (!locked(c) || exists(c, day.name())) {
                return false;
            }
            String range = " for values from ('" + day.from() + "') to ('" + day.to() + "')";
            st.execute("create table telemetry." + day.name() + " (like telemetry.reading_row)");
            try (PreparedStatement ps = c.prepareStatement("with moved as (delete from telemetry.reading_row_default "
                    + "where ts >= ? and ts < ? returning ts, value, source_id, lot_id, reading_id) "
                    + "insert into telemetry." + day.name() + " (ts, value, source_id, lot_id, reading_id) "
                    + "select ts, value, source_id, lot_id, reading_id from moved")) {
                ps.setTimestamp(1, Timestamp.from(day.from()));
                ps.setTimestamp(2, Timestamp.from(day.to()));
                ps.executeUpdate();
            }
            st.execute("alter table telemetry.reading_row attach partition telemetry." + day.name() + range);
            return true;
        }
    }

    /**
     * Archives the day's partition and drops it, in one transaction: the partition is locked against writes, copied
     * to the archive, the archive is read back and checked against the partition's row count, and only then is the
     * partition dropped and the drop audited. Any mismatch or failure leaves the partition in place. Null when
     * another replica holds the job's lock.
     */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 3600)
    ArchiveManifest archiveAndDrop(PartitionPlan.Day day, Instant now) throws SQLException, IOException {
        Path dir = Path.of(config.storage().archiveDirectory());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (!locked(c) || !exists(c, day.name())) {
                return null;
            }
            st.execute("lock table telemetry." + day.name() + " in share mode");
            long rows;
            try (ResultSet rs = st.executeQuery("select count(*) from telemetry." + day.name())) {
                rs.next();
                rows = rs.getLong(1);
            }
            ArchiveManifest written = archive.write(c, day, dir, now);
            ArchiveManifest verified = archive.verify(dir, day);
            if (written.rows() != rows || verified.rows() != rows) {
                throw new IOException("archive of " + day.name() + " holds " + verified.rows() + " rows, the partition "
                        + rows + "; not dropped");
            }
            st.execute("drop table telemetry." + day.name());
            changes.fire(new RecordChanged(ENTITY, day.name(), "ARCHIVED_AND_DROPPED", Map.of("rows", rows), verified,
                    "past retention " + config.storage().retention() + "; archive " + dir.toAbsolutePath()));
            return verified;
        }
    }

    /** Deletes rollup rows past their retention; audited when any went. */
    @Transactional(rollbackOn = Exception.class)
    long pruneRollups(Instant now) throws SQLException {
        long pruned = 0;
        try (Connection c = dataSource.getConnection()) {
            if (!locked(c)) {
                return 0;
            }
            pruned += delete(c, ReadingRollups.Granularity.MINUTE.table, now.minus(config.storage().minuteRollupRetention()));
            pruned += delete(c, ReadingRollups.Granularity.HOUR.table, now.minus(config.storage().hourRollupRetention()));
        }
        if (pruned > 0) {
            changes.fire(new RecordChanged("ReadingRollup", "minute+hour", "PRUNED", null, Map.of("rows", pruned),
                    "past retention: minute " + config.storage().minuteRollupRetention() + ", hour "
                            + config.storage().hourRollupRetention()));
        }
        return pruned;
    }

    private static long delete(Connection c, String table, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where bucket < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }

    private static boolean locked(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean exists(Connection c, String partition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, "telemetry." + partition);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
