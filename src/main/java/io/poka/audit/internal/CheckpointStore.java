package io.poka.audit.internal;

import io.poka.audit.ChainCheckpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** SQL of audit.checkpoint (insert and read only; the table refuses updates and deletes). */
@ApplicationScoped
class CheckpointStore {
    private static final String COLUMNS = "id, sequence, hash, created_at, created_by, trigger, payload, signature,"
            + " public_key_sha256";

    private final EntityManager em;

    CheckpointStore(EntityManager em) {
        this.em = em;
    }

    void insert(ChainCheckpoint c) {
        session().doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert into audit.checkpoint (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, UUID.fromString(c.id()));
                ps.setLong(2, c.sequence());
                ps.setString(3, c.hash());
                ps.setObject(4, c.createdAt().atOffset(ZoneOffset.UTC));
                ps.setString(5, c.createdBy());
                ps.setString(6, c.trigger());
                ps.setString(7, c.payload());
                ps.setString(8, c.signature());
                ps.setString(9, c.publicKeySha256());
                ps.executeUpdate();
            }
        });
    }

    Optional<ChainCheckpoint> latest() {
        return one("order by created_at desc, sequence desc limit 1");
    }

    Optional<ChainCheckpoint> byId(UUID id) {
        return one("where id = ?", id);
    }

    private Optional<ChainCheckpoint> one(String where, Object... params) {
        return session().doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select " + COLUMNS + " from audit.checkpoint " + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<ChainCheckpoint>empty();
                }
            }
        });
    }

    private static ChainCheckpoint row(ResultSet rs) throws SQLException {
        return new ChainCheckpoint(rs.getObject(1).toString(), rs.getLong(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), "Ed25519", rs.getString(9));
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
