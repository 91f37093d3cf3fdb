package io.poka.telemetry.internal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The integer ids that stand for a reading's repeated texts in the compact reading table: a source (line, station,
 * variable, unit) and a lot. New entries are inserted and committed in their own transaction before any reading
 * refers to them, so a cached id always exists in the database even when the batch that first needed it rolls back.
 */
@ApplicationScoped
public class ReadingDictionary {
    /** What a source id stands for. */
    public record Source(String line, String station, String variable, String unit) {
    }

    /** Bound on each in-memory cache; past it the cache starts again (the database keeps every entry). */
    private static final int CACHE_LIMIT = 200_000;

    private final AgroalDataSource dataSource;
    private final Map<Source, Integer> sources = new ConcurrentHashMap<>();
    private final Map<String, Integer> lots = new ConcurrentHashMap<>();

    ReadingDictionary(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static Source sourceOf(Reading r) {
        return new Source(r.line(), r.station(), r.variable(), r.unit());
    }

    /** The dictionary ids of a batch's readings, by position: source ids, and lot ids (0: the reading has no lot). */
    record Resolved(int[] sources, int[] lots) {
    }

    /**
     * The source and lot ids of every reading, in one pass over the batch; entries not yet in the database are
     * inserted and committed first. The ids come from this call, not from a later cache lookup, so a cache that starts
     * over meanwhile (past {@link #CACHE_LIMIT}) cannot leave a reading without its ids.
     */
    Resolved resolve(List<Reading> readings) throws SQLException {
        int n = readings.size();
        int[] sourceIds = new int[n];
        int[] lotIds = new int[n];
        Set<Source> newSources = null;
        Set<String> newLots = null;
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            Integer id = sources.get(sourceOf(r));
            if (id == null) {
                newSources = newSources == null ? new LinkedHashSet<>() : newSources;
                newSources.add(sourceOf(r));
            } else {
                sourceIds[i] = id;
            }
            if (r.lot() != null) {
                Integer lot = lots.get(r.lot());
                if (lot == null) {
                    newLots = newLots == null ? new LinkedHashSet<>() : newLots;
                    newLots.add(r.lot());
                } else {
                    lotIds[i] = lot;
                }
            }
        }
        if (newSources == null && newLots == null) {
            return new Resolved(sourceIds, lotIds);
        }
        // ArC intercepts self-invocation: a transaction of its own
        Ids ids = insertCommitted(newSources == null ? List.of() : newSources, newLots == null ? List.of() : newLots);
        if (sources.size() + ids.sources().size() > CACHE_LIMIT) {
            sources.clear();
        }
        if (lots.size() + ids.lots().size() > CACHE_LIMIT) {
            lots.clear();
        }
        sources.putAll(ids.sources());
        lots.putAll(ids.lots());
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            if (sourceIds[i] == 0) {
                sourceIds[i] = ids.sources().get(sourceOf(r));
            }
            if (r.lot() != null && lotIds[i] == 0) {
                lotIds[i] = ids.lots().get(r.lot());
            }
        }
        return new Resolved(sourceIds, lotIds);
    }

    /** Ids of new dictionary entries. */
    record Ids(Map<Source, Integer> sources, Map<String, Integer> lots) {
    }

    /** Inserts what is missing and reads the ids, in a transaction of its own that commits before the batch's. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    Ids insertCommitted(Collection<Source> newSources, Collection<String> newLots) throws SQLException {
        Map<Source, Integer> s = new HashMap<>();
        Map<String, Integer> l = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Source source : newSources) {
                s.put(source, sourceId(c, source));
            }
            for (String lot : newLots) {
                l.put(lot, lotId(c, lot));
            }
        }
        return new Ids(s, l);
    }

    private static int sourceId(Connection c, Source s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into telemetry.reading_source (line, station, variable, "
                + "unit) values (?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, s.line());
            ps.setString(2, s.station());
            ps.setString(3, s.variable());
            ps.setString(4, s.unit());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select id from telemetry.reading_source where line = ? and "
                + "variable = ? and station = ? and unit = ?")) {
            ps.setString(1, s.line());
            ps.setString(2, s.variable());
            ps.setString(3, s.station());
            ps.setString(4, s.unit());
            return single(ps);
        }
    }

    private static int lotId(Connection c, String lot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into telemetry.reading_lot (lot) values (?) "
                + "on conflict do nothing")) {
            ps.setString(1, lot);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select id from telemetry.reading_lot where lot = ?")) {
            ps.setString(1, lot);
            return single(ps);
        }
    }

    private static int single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("dictionary entry vanished after its insert");
            }
            return rs.getInt(1);
        }
    }

    /** The sources of one line and variable (several when stations or units differ), by id. */
    Map<Integer, Source> sourcesOf(Connection c, String line, String variable) throws SQLException {
        Map<Integer, Source> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, station, unit from telemetry.reading_source "
                + "where line = ? and variable = ?")) {
            ps.setString(1, line);
            ps.setString(2, variable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), new Source(line, rs.getString(2), variable, rs.getString(3)));
                }
            }
        }
        return out;
    }
}
