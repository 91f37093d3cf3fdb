package io.poka.audit.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Configuration of the audit module (prefix {@code poka.audit}). */
@ConfigMapping(prefix = "poka.audit")
public interface AuditConfig {

    /**
     * PKCS#8 PEM file of the Ed25519 private key that signs exports (env POKA_AUDIT_SIGNING_KEY_FILE); unset: a key is
     * generated on first use and kept in the audit schema.
     */
    Optional<String> signingKeyFile();

    /** Largest number of entries one export may hold; a larger selection is refused (narrow the query). */
    @WithDefault("100000")
    int exportMaxRows();

    /** Largest page the entry search returns. */
    @WithDefault("1000")
    int searchMaxLimit();
}
