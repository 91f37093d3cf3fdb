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

    /**
     * How often a signed checkpoint of the chain head is published (stored and sent as AuditCheckpointPublished) when
     * the chain has grown; a duration such as 15m or 1h, or "off".
     */
    @WithDefault("1h")
    String checkpointInterval();

    /**
     * Largest selection POST /api/v1/audit/exports answers in the request itself (200 with the ZIP); a larger one is
     * started as an export job (202 with its address).
     */
    @WithDefault("10000")
    int exportSyncMaxRows();

    /** Directory for export work files and finished job ZIPs (a poka-audit-exports folder inside); unset: java.io.tmpdir. */
    Optional<String> exportDirectory();

    /** Finished export jobs (and their ZIPs) kept for download; older ones are forgotten and deleted. */
    @WithDefault("20")
    int exportJobsKept();

    /** Largest page the entry search returns. */
    @WithDefault("1000")
    int searchMaxLimit();

    /**
     * Most journal entries the sequencer chains in one transaction (audit.journal to audit.entry); a larger batch
     * costs fewer commits under load and holds the chain head longer.
     */
    @WithDefault("1000")
    int sequencerBatch();

    /**
     * How often the sequencer looks for journal entries nobody woke it for (appended by another replica, or left by a
     * crash); appends of this instance wake it at their commit.
     */
    @WithDefault("200ms")
    java.time.Duration sequencerPoll();
}
