package io.poka.audit.internal;

import io.poka.audit.ChainVerification;
import io.poka.audit.internal.chain.ChainWalk;
import io.poka.audit.internal.chain.HashChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole-chain walk over a plain JDBC connection, for a database the application is not running on (a restored
 * backup): every hash recomputed, the head checked, every signature's binding checked by the same rule as
 * {@link AuditService}'s walk.
 */
public final class JdbcChainVerifier {
    private static final int PAGE = 1000;

    private JdbcChainVerifier() {
    }

    public static ChainVerification verify(Connection c) throws SQLException {
        long headSequence;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("select last_sequence, last_hash from audit.chain_head"
                + " where id = 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit.chain_head has no row");
            }
            headSequence = rs.getLong(1);
            headHash = rs.getString(2);
        }
        ChainWalk walk = new ChainWalk(1, HashChain.GENESIS);
        Map<Long, StoredEntry> signed = new HashMap<>();
        long after = 0;
        while (true) {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("select " + AuditStore.ENTRY_COLUMNS
                    + " from audit.entry where sequence > ? order by sequence limit " + PAGE)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredEntry e = AuditStore.entry(rs);
                        if (walk.accept(e.content(), e.hash()) && e.content().signature() != null) {
                            signed.put(e.content().sequence(), e);
                        }
                        after = e.content().sequence();
                        n++;
                    }
                }
            }
            if (n < PAGE) {
                break;
            }
        }
        walk.checkHead(headSequence, headHash);
        ChainVerification.SignatureBreak broken = null;
        long signatures = 0;
        try (PreparedStatement ps = c.prepareStatement("select " + AuditStore.SIGNATURE_COLUMNS
                + " from audit.signature s order by s.id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                signatures++;
                StoredSignature s = AuditStore.signature(rs);
                StoredEntry entry = signed.get(s.entrySequence());
                String problem = entry == null ? "BOUND_HASH_MISMATCH" : AuditService.bindingProblem(s, entry);
                if (broken == null && problem != null) {
                    broken = new ChainVerification.SignatureBreak(s.id(), s.entrySequence(), problem,
                            entry == null ? null : entry.hash(), s.entryHash());
                }
            }
        }
        return new ChainVerification(walk.firstBreak() == null && broken == null, 1, headSequence, walk.checked(),
                signatures, walk.firstBreak(), broken);
    }
}
