package io.poka.platform.internal.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** A real PostgreSQL server (zonky's packaged binaries) whose data directory survives restarts. */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            StalePostmaster.stopIfRunning(dataDir);
            long t0 = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            PostgresServerSettings.durableAndSized().forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder
                    // zonky's own hook would stop the server at once on SIGTERM, under the running consumers;
                    // PokaMain's hook stops it after the application (EmbeddedInfrastructure.awaitApplicationThenClose)
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms (data: %s)", port,
                    (System.nanoTime() - t0) / 1_000_000, dataDir);
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start in " + dataDir, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String username() {
        return "postgres";
    }

    String password() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        EmbeddedInfrastructure.afterQuarkus("Embedded PostgreSQL stopped");
    }
}
