package io.poka.audit.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.poka.audit.internal.AuditConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredPkcs8KeyFileIsUsedAndItsPublicKeyServed() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path file = dir.resolve("audit-key.pem");
        Files.writeString(file, Ed25519Keys.privatePem(pair.getPrivate()));
        ServerSigningKey key = new ServerSigningKey(config(file.toString()), null, Clock.systemUTC());
        assertEquals(Ed25519Keys.publicPem(pair.getPublic()), key.publicKeyPem());
        assertArrayEquals(Ed25519Keys.sign(pair.getPrivate(), new byte[] { 1, 2, 3 }), key.sign(new byte[] { 1, 2, 3 }),
                "Ed25519 signatures are deterministic (RFC 8032), so the same key gives the same bytes");
    }

    private static AuditConfig config(String file) {
        return new AuditConfig() {
            @Override
            public Optional<String> signingKeyFile() {
                return Optional.of(file);
            }

            @Override
            public int exportMaxRows() {
                return 10;
            }

            @Override
            public int searchMaxLimit() {
                return 10;
            }

            @Override
            public String checkpointInterval() {
                return "off";
            }

            @Override
            public int exportSyncMaxRows() {
                return 10;
            }

            @Override
            public Optional<String> exportDirectory() {
                return Optional.empty();
            }

            @Override
            public int exportJobsKept() {
                return 1;
            }

            @Override
            public int sequencerBatch() {
                return 10;
            }

            @Override
            public java.time.Duration sequencerPoll() {
                return java.time.Duration.ofSeconds(1);
            }
        };
    }
}
