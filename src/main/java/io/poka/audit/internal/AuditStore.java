package io.poka.audit.internal;

import io.poka.audit.AuditQuery;
import io.poka.audit.ChainPoint;
import io.poka.audit.internal.chain.EntryContent;
import io.poka.audit.internal.chain.HashChain;
import io.poka.platform.Signature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * SQL of the audit schema, run on the connection of the caller's transaction. It offers only inserts and reads of the
 * trail: the application has no path that updates or deletes an entry (and the database refuses both); journal rows
 * are deleted only in the transaction that chains them (and the database refuses any other delete).
 */
@ApplicationScoped
class AuditStore {
    static final String ENTRY_COLUMNS = "sequence, recorded_at, user_id, printed_name, entity_type, entity_id,"
            + " action, before_state::text, after_state::text, reason, signer, signer_printed_name, signature_meaning,"
            + " signed_at, previous_hash, hash";

    private final EntityManager em;

    AuditStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Appends one entry to the journal in the caller's transaction: no lock, so concurrent writers do not queue. The
     * entry gets its sequence number and hash when {@link #chainPending} moves it into the chain after the commit.
     *
     * @param content the entry without sequence number and previous hash (the sequencer assigns both)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void journal(EntryContent content) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into audit.journal (recorded_at, user_id,"
                    + " printed_name, entity_type, entity_id, action, before_state, after_state, reason, signer,"
                    + " signer_printed_name, signature_meaning, signed_at)"
                    + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)")) {
                setContent(ps, 1, content);
                ps.executeUpdate();
            }
        });
    }

    /** Whether committed journal rows wait to be chained (a cheap check before locking the chain head). */
    boolean journalPending() {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from audit.journal)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /**
     * Moves up to {@code max} committed journal rows, oldest first, to the end of the chain in the current
     * transaction: locks the chain head (so one sequencer at a time, across replicas), gives each row the next
     * sequence number and its hash, inserts the entries and their signature records, deletes the journal rows and
     * moves the head. A rollback leaves the journal as it was, so nothing is lost or chained twice.
     *
     * @return how many entries were chained
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int chainPending(int max) {
        return session().doReturningWork(c -> {
            long sequence;
            String previous;
            try (PreparedStatement lock = c.prepareStatement(
                    "select last_sequence, last_hash from audit.chain_head where id = 1 for update");
                    ResultSet rs = lock.executeQuery()) {
                rs.next();
                sequence = rs.getLong(1);
                previous = rs.getString(2);
            }
            List<Long> ids = new ArrayList<>();
            List<EntryContent> chained = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, recorded_at, user_id, printed_name, entity_type,"
                    + " entity_id, action, before_state::text, after_state::text, reason, signer, signer_printed_name,"
                    + " signature_meaning, signed_at from audit.journal order by id limit ?")) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String signer = rs.getString(11);
                        Signature s = signer == null ? null : new Signature(signer, rs.getString(12),
                                Signature.Meaning.valueOf(rs.getString(13)), instant(rs, 14));
                        ids.add(rs.getLong(1));
                        chained.add(new EntryContent(++sequence, instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), s, null));
                    }
                }
            }
            if (chained.isEmpty()) {
                return 0;
            }
            try (PreparedStatement entries = c.prepareStatement("insert into audit.entry (recorded_at, user_id,"
                    + " printed_name, entity_type, entity_id, action, before_state, after_state, reason, signer,"
                    + " signer_printed_name, signature_meaning, signed_at, sequence, previous_hash, hash, journal_id)"
                    + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement signatures = c.prepareStatement("insert into audit.signature (entry_sequence,"
                            + " entry_hash, username, printed_name, meaning, signed_at) values (?, ?, ?, ?, ?, ?)")) {
                boolean signed = false;
                for (int i = 0; i < chained.size(); i++) {
                    EntryContent j = chained.get(i);
                    EntryContent e = new EntryContent(j.sequence(), j.recordedAt(), j.userId(), j.printedName(),
                            j.entityType(), j.entityId(), j.action(), j.beforeJson(), j.afterJson(), j.reason(),
                            j.signature(), previous);
                    String hash = HashChain.hash(e);
                    setContent(entries, 1, e);
                    entries.setLong(14, e.sequence());
                    entries.setString(15, previous);
                    entries.setString(16, hash);
                    entries.setLong(17, ids.get(i));
                    entries.addBatch();
                    if (e.signature() != null) {
                        Signature s = e.signature();
                        signatures.setLong(1, e.sequence());
                        signatures.setString(2, hash);
                        signatures.setString(3, s.username());
                        signatures.setString(4, s.printedName());
                        signatures.setString(5, s.meaning().name());
                        signatures.setObject(6, utc(s.signedAt()));
                        signatures.addBatch();
                        signed = true;
                    }
                    previous = hash;
                }
                entries.executeBatch();
                if (signed) {
                    signatures.executeBatch();
                }
            }
            try (PreparedStatement delete = c.prepareStatement("delete from audit.journal where id = any (?)")) {
                delete.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement head = c.prepareStatement(
                    "update audit.chain_head set last_sequence = ?, last_hash = ? where id = 1")) {
                head.setLong(1, sequence);
                head.setString(2, previous);
                head.executeUpdate();
            }
            return chained.size();
        });
    }

    /** Sets the 13 content parameters (recorded_at .. signed_at) starting at {@code first}. */
    private static void setContent(PreparedStatement ps, int first, EntryContent e) throws SQLException {
        Signature s = e.signature();
        ps.setObject(first, utc(e.recordedAt()));
        ps.setString(first + 1, e.userId());
        ps.setString(first + 2, e.printedName());
        ps.setString(first + 3, e.entityType());
        ps.setString(first + 4, e.entityId());
        ps.setString(first + 5, e.action());
        ps.setString(first + 6, e.beforeJson());
        ps.setString(first + 7, e.afterJson());
        ps.setString(first + 8, e.reason());
        ps.setString(first + 9, s == null ? null : s.username());
        ps.setString(first + 10, s == null ? null : s.printedName());
        ps.setString(first + 11, s == null ? null : s.meaning().name());
        if (s == null) {
            ps.setNull(first + 12, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(first + 12, utc(s.signedAt()));
        }
    }

    ChainPoint head() {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select last_sequence, last_hash from audit.chain_head where id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ChainPoint(rs.getLong(1), rs.getString(2));
            }
        });
    }

    /** The stored hash of one entry, or null when there is none. */
    String storedHash(long sequence) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select hash from audit.entry where sequence = ?")) {
                ps.setLong(1, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Entries matching the query with sequence in (afterSequence, upToSequence], oldest first. */
    List<StoredEntry> find(AuditQuery q, long afterSequence, long upToSequence, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + ENTRY_COLUMNS + " from audit.entry" + where(q, afterSequence, upToSequence, params)
                + " order by sequence limit ?";
        params.add(limit);
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                List<StoredEntry> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(entry(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** How many entries match the query with sequence in (afterSequence, upToSequence]. */
    long count(AuditQuery q, long afterSequence, long upToSequence) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from audit.entry" + where(q, afterSequence, upToSequence, params);
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String where(AuditQuery q, long afterSequence, long upToSequence, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where sequence > ? and sequence <= ?");
        params.add(afterSequence);
        params.add(upToSequence);
        if (q.from() != null) {
            sql.append(" and recorded_at >= ?");
            params.add(utc(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and recorded_at < ?");
            params.add(utc(q.to()));
        }
        if (q.entityType() != null) {
            sql.append(" and entity_type = ?");
            params.add(q.entityType());
        }
        if (q.entityId() != null) {
            sql.append(" and entity_id = ?");
            params.add(q.entityId());
        }
        if (q.lot() != null) {
            sql.append(" and entity_type = 'Lot' and entity_id = ?");
            params.add(q.lot());
        }
        if (q.user() != null) {
            sql.append(" and user_id = ?");
            params.add(q.user());
        }
        return sql.toString();
    }

    /** Feeds the entries with sequence in [from, to] to the consumer in sequence order, a page at a time. */
    void walk(long from, long to, int pageSize, Consumer<StoredEntry> consumer) {
        long after = from - 1;
        while (after < to) {
            List<StoredEntry> page = find(AuditQuery.all(), after, to, pageSize);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).content().sequence();
        }
    }

    /** Signatures bound to entries with sequence in [from, to], in order. */
    List<StoredSignature> signaturesInRange(long from, long to) {
        return signatures("where s.entry_sequence between ? and ?", from, to);
    }

    /** Signatures of the entries of one record, in order. */
    List<StoredSignature> signaturesOf(String entityType, String entityId) {
        return signatures("join audit.entry e on e.sequence = s.entry_sequence"
                + " where e.entity_type = ? and e.entity_id = ?", entityType, entityId);
    }

    private List<StoredSignature> signatures(String where, Object... params) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + SIGNATURE_COLUMNS + " from audit.signature s "
                    + where + " order by s.id")) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<StoredSignature> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(signature(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Columns of {@link #signature(ResultSet)}, for a query on {@code audit.signature s}. */
    static final String SIGNATURE_COLUMNS = "s.id, s.entry_sequence, s.entry_hash, s.username, s.printed_name,"
            + " s.meaning, s.signed_at";

    static StoredSignature signature(ResultSet rs) throws SQLException {
        return new StoredSignature(rs.getLong(1), rs.getLong(2), rs.getString(3), new Signature(rs.getString(4),
                rs.getString(5), Signature.Meaning.valueOf(rs.getString(6)), instant(rs, 7)));
    }

    static StoredEntry entry(ResultSet rs) throws SQLException {
        String signer = rs.getString(11);
        Signature signature = signer == null ? null
                : new Signature(signer, rs.getString(12), Signature.Meaning.valueOf(rs.getString(13)), instant(rs, 14));
        EntryContent content = new EntryContent(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                signature, rs.getString(15));
        return new StoredEntry(content, rs.getString(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
