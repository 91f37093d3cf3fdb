package io.poka.platform.internal.ops;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Warns at startup when the database may lose committed transactions in a crash. Poka commits Kafka offsets (and
 * answers clients) after the database commit; with {@code synchronous_commit} or {@code fsync} off, a database crash
 * can drop data the stream will never deliver again. Not fatal: a test bench may want it, a plant should not.
 */
@ApplicationScoped
public class DurabilityCheck {
    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class);
    private static final List<String> SETTINGS = List.of("synchronous_commit", "fsync", "full_page_writes");

    private final AgroalDataSource dataSource;

    DurabilityCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            warnings(settings()).forEach(LOG::warn);
        } catch (SQLException e) {
            LOG.warnf("Could not read the database's durability settings: %s", e.getMessage());
        }
    }

    /** The server's values of the settings that decide whether a commit survives a crash. */
    public Map<String, String> settings() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String name : SETTINGS) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    out.put(name, rs.getString(1));
                }
            }
        }
        return out;
    }

    /** One warning per setting that lets a crash lose committed transactions; none for a durable server. */
    static List<String> warnings(Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        if ("off".equals(settings.get("synchronous_commit"))) {
            out.add("PostgreSQL runs with synchronous_commit=off: a database crash can lose the last transactions after "
                    + "Poka committed their Kafka offsets (readings lost). Set synchronous_commit=on (its default).");
        }
        if ("off".equals(settings.get("fsync"))) {
            out.add("PostgreSQL runs with fsync=off: a crash of the machine can corrupt or lose committed data. Set fsync=on.");
        }
        if ("off".equals(settings.get("full_page_writes"))) {
            out.add("PostgreSQL runs with full_page_writes=off: a crash of the machine can leave torn pages. Set it on "
                    + "unless the file system guarantees atomic page writes.");
        }
        return out;
    }
}
