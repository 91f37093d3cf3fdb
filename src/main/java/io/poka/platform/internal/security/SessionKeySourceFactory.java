package io.poka.platform.internal.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the web UI's session encryption key when none is configured, so Quarkus never generates one and prints it
 * in the log. In production the key is made once and kept in the data directory (file {@value #FILE}, owner-only),
 * so sessions survive a restart; where that directory cannot be written, and in dev and tests, the key lives in
 * memory only. QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (or any other source) still wins.
 */
public class SessionKeySourceFactory implements ConfigSourceFactory {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String FILE = "session-encryption.key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean persistent = context.getProfiles().stream().noneMatch(p -> p.equals("dev") || p.equals("test"));
        return List.of(new SessionKeySource(persistent ? dataDir(context) : null));
    }

    /** Below every other source: a key set anywhere else is used instead. */
    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(10);
    }

    private static Path dataDir(ConfigSourceContext context) {
        String dir = System.getenv("POKA_DATA_DIR");
        if (dir == null || dir.isBlank()) {
            ConfigValue configured = context.getValue("poka.platform.data-dir");
            dir = configured != null && configured.getValue() != null && !configured.getValue().contains("${")
                    ? configured.getValue() : System.getProperty("user.home") + "/.poka";
        }
        return Path.of(dir);
    }

    /** The key source: the key is made (or read) on first use only, i.e. only when no other source has one. */
    static final class SessionKeySource implements ConfigSource {
        private final Path dataDir;
        private volatile String key;

        SessionKeySource(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            if (!KEY.equals(propertyName)) {
                return null;
            }
            if (key == null) {
                synchronized (this) {
                    if (key == null) {
                        key = dataDir == null ? random() : stored(dataDir.resolve(FILE));
                    }
                }
            }
            return key;
        }

        @Override
        public String getName() {
            return "poka-session-key";
        }

        @Override
        public int getOrdinal() {
            return 10;
        }

        static String stored(Path file) {
            try {
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    try {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                        Files.writeString(file, random(), StandardCharsets.US_ASCII);
                    } catch (FileAlreadyExistsException raced) {
                        // another process made it first: use theirs
                    } catch (UnsupportedOperationException notPosix) {
                        Files.writeString(file, random(), StandardCharsets.US_ASCII);
                    }
                }
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                return stored.length() >= 32 ? stored : random();
            } catch (IOException | SecurityException unwritable) {
                return random();
            }
        }

        static String random() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
