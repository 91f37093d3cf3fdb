package io.poka.backup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the PostgreSQL catalogue says about Poka's tables: every table of every schema except the system ones and
 * public (where Flyway keeps its history, which a restore writes itself), its columns, primary key and the tables its
 * foreign keys point to. Read from the catalogue, so a module's new table is backed up the day it is created.
 */
final class Catalog {
    private Catalog() {
    }

    static List<String> tables(Connection c) throws SQLException {
        return strings(c, "select n.nspname || '.' || c.relname from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where c.relkind in ('r', 'p') and not c.relispartition"
                + " and n.nspname not in ('pg_catalog', 'information_schema', 'public')"
                + " and n.nspname not like 'pg\\_%' order by 1");
    }

    /** Columns in table order, without generated ones (COPY cannot write those). */
    static List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, "select quote_ident(attname) from pg_attribute where attrelid = ?::regclass and attnum > 0"
                + " and not attisdropped and attgenerated = '' order by attnum", table);
    }

    static List<String> primaryKey(Connection c, String table) throws SQLException {
        return strings(c, "select quote_ident(a.attname) from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                + " and a.attnum = any(i.indkey) where i.indrelid = ?::regclass and i.indisprimary"
                + " order by array_position(i.indkey, a.attnum)", table);
    }

    static List<String> sequences(Connection c) throws SQLException {
        return strings(c, "select schemaname || '.' || sequencename from pg_sequences where schemaname not in"
                + " ('pg_catalog', 'information_schema') order by 1");
    }

    /** The tables with every table a foreign key of theirs references before them. */
    static List<String> dependencyOrder(Connection c, List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        try (PreparedStatement ps = c.prepareStatement("select cn.nspname || '.' || cc.relname, pn.nspname || '.' ||"
                + " pc.relname from pg_constraint k join pg_class cc on cc.oid = k.conrelid join pg_namespace cn"
                + " on cn.oid = cc.relnamespace join pg_class pc on pc.oid = k.confrelid join pg_namespace pn"
                + " on pn.oid = pc.relnamespace where k.contype = 'f'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String t : tables) {
            visit(t, parents, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(String t, Map<String, Set<String>> parents, List<String> ordered, Set<String> visiting) {
        if (ordered.contains(t) || !visiting.add(t)) {
            return;
        }
        for (String p : parents.getOrDefault(t, Set.of())) {
            visit(p, parents, ordered, visiting);
        }
        ordered.add(t);
    }

    static String one(Connection c, String sql) throws SQLException {
        List<String> values = strings(c, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
