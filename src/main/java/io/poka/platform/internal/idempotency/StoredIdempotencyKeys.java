package io.poka.platform.internal.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.poka.platform.IdempotencyKeys;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys in {@code platform.idempotency_key}, scoped to (module, signed-in client, key); a PostgreSQL
 * advisory lock held to the end of the caller's transaction serialises a retry that arrives while the first request
 * is still being recorded.
 */
@ApplicationScoped
public class StoredIdempotencyKeys implements IdempotencyKeys {
    static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;

    StoredIdempotencyKeys(EntityManager em, SecurityIdentity identity, ObjectMapper json, Clock clock) {
        this.em = em;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Replay> replay(String scope, String key, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationProblem("Idempotency-Key", "1 to " + MAX_KEY_LENGTH + " characters");
        }
        String principal = principal();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "idem:" + scope + "\u001f" + principal + "\u001f" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, response_status, response_body::text"
                + " from platform.idempotency_key where scope = :s and principal = :p and idem_key = :k")
                .setParameter("s", scope).setParameter("p", principal).setParameter("k", key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!row[0].equals(hash(request))) {
            throw new KeyReused(scope, key);
        }
        return Optional.of(new Replay(((Number) row[1]).intValue(), (String) row[2]));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String scope, String key, Object request, int status, Object response) {
        if (key == null) {
            return;
        }
        em.createNativeQuery("insert into platform.idempotency_key (scope, principal, idem_key, request_hash,"
                + " response_status, response_body, created_at) values (:s, :p, :k, :h, :st, cast(:b as jsonb), :at)")
                .setParameter("s", scope).setParameter("p", principal()).setParameter("k", key)
                .setParameter("h", hash(request)).setParameter("st", status).setParameter("b", canonical(response))
                .setParameter("at", Timestamp.from(clock.instant())).executeUpdate();
    }

    private String principal() {
        return identity.getPrincipal().getName();
    }

    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String canonical(Object value) {
        try {
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }
}
