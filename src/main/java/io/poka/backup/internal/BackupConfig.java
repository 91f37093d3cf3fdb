package io.poka.backup.internal;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Configuration of backups (prefix {@code poka.backup}). */
@ConfigMapping(prefix = "poka.backup")
public interface BackupConfig {

    /** Directory where a backup is written before it is sent (then deleted); unset: java.io.tmpdir. */
    Optional<String> directory();
}
