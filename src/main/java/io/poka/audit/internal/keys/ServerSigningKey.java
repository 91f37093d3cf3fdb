package io.poka.audit.internal.keys;

import io.poka.audit.internal.AuditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.ZoneOffset;
import org.hibernate.Session;

/**
 * The server's Ed25519 key that signs audit exports: from the configured PKCS#8 PEM file, or else generated once and
 * kept in audit.signing_key (the table refuses updates, so a restart, or another instance, uses the same key).
 */
@ApplicationScoped
public class ServerSigningKey {
    private final AuditConfig config;
    private final EntityManager em;
    private final Clock clock;
    private volatile KeyPair keys;

    ServerSigningKey(AuditConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    public KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    public String publicKeyPem() {
        return Ed25519Keys.publicPem(keys().getPublic());
    }

    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(keys().getPrivate(), message);
    }

    private KeyPair load() {
        if (config.signingKeyFile().isPresent()) {
            try {
                return Ed25519Keys.fromPrivatePem(Files.readString(Path.of(config.signingKeyFile().get())));
            } catch (IOException e) {
                throw new UncheckedIOException("poka.audit.signing-key-file cannot be read", e);
            }
        }
        return Ed25519Keys.fromPrivatePem(storedOrNew());
    }

    /** Inserts a new key unless one exists (concurrent first uses agree on the first inserted) and returns the kept one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String storedOrNew() {
        KeyPair fresh = Ed25519Keys.generate();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var insert = c.prepareStatement("insert into audit.signing_key (id, private_key_pem, public_key_pem,"
                    + " created_at) values (1, ?, ?, ?) on conflict (id) do nothing")) {
                insert.setString(1, Ed25519Keys.privatePem(fresh.getPrivate()));
                insert.setString(2, Ed25519Keys.publicPem(fresh.getPublic()));
                insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (var select = c.prepareStatement("select private_key_pem from audit.signing_key where id = 1");
                    var rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
