package io.poka.telemetry.internal;

import io.poka.platform.ConflictProblem;
import io.poka.platform.Leases;
import io.poka.telemetry.ChartKind;
import io.poka.telemetry.RuleSetName;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * A plant a new user can watch: on start (poka.telemetry.demo.enabled) it puts the 52 Tennessee Eastman variables
 * of the demo line into the catalogue, then replays the configured runs into the readings topic in a loop. With
 * several replicas only the holder of the {@value #LEASE} lease replays; when it stops, another one starts over.
 */
@ApplicationScoped
public class DemoPlant {
    private static final Logger LOG = Logger.getLogger(DemoPlant.class);

    /**
     * The demo's SPC set-up: TEP's readings are autocorrelated (lag-1 autocorrelation up to 0.99 over d00), so each
     * variable is charted by the residuals of an AR(1) model (Montgomery, Introduction to SQC, 10.4), which reduces
     * to an individuals chart where φ ≈ 0, with rule 1 only: the zone and run rules are supplementary and opt-in.
     */
    public static final ChartKind CHART = ChartKind.AR1_RESIDUALS;
    public static final RuleSetName RULES = RuleSetName.BEYOND_LIMITS;
    /** Name of the lease that makes one replica the demo plant. */
    static final String LEASE = "telemetry.demo-plant";
    private static final long LEASE_POLL_MILLIS = 5_000;
    private static final long STOP_WAIT_MILLIS = 3_000;

    private final TelemetryConfig config;
    private final CatalogueService catalogue;
    private final Leases leases;
    private volatile boolean stopping;
    private Thread worker;

    DemoPlant(TelemetryConfig config, CatalogueService catalogue, Leases leases) {
        this.leases = leases;
        this.config = config;
        this.catalogue = catalogue;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        String line = config.demo().line();
        double interval = 1 / config.demo().stepsPerSecond();
        for (TepRun.TepVariable v : TepRun.CATALOGUE) {
            if (catalogue.lookup(line, v.id()).isEmpty()) {
                try {
                    catalogue.create(new VariableRequest(line, v.id(), v.unit(), v.description(), null, null, interval,
                            v.description(), null, null, null, CHART, 1, RULES));
                } catch (ConflictProblem e) {
                    // created concurrently by another instance
                }
            }
        }
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> runs = List.copyOf(config.demo().run());
        worker = new Thread(() -> run(bootstrap, line, runs), "poka-demo-plant");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("Demo plant: replaying TEP %s as line '%s' at %.1f steps/s", runs, line, config.demo().stepsPerSecond());
    }

    /**
     * Lets the replay see {@code stopping} and close its producer in order; the worker is interrupted only if it has
     * not ended within {@link #STOP_WAIT_MILLIS} (interrupting it while it closes the producer makes Kafka log an
     * error and may drop the producer's last batch).
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (worker != null) {
            try {
                worker.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (worker.isAlive()) {
                worker.interrupt();
            }
        }
    }

    private void run(String bootstrap, String line, List<String> runs) {
        try (KafkaProducer<String, String> producer = TepReplay.producer(bootstrap,
                KafkaClientSecurity.of(ConfigProvider.getConfig()))) {
            TepReplay replay = new TepReplay(producer, "poka.telemetry.readings.v1");
            while (!stopping) {
                if (!leases.tryHold(LEASE)) {
                    sleepUnlessStopping(LEASE_POLL_MILLIS);
                    continue;
                }
                for (String name : runs) {
                    TepRun run = TepRun.load(name.trim());
                    replay.replay(run, line, "demo-" + UUID.randomUUID(), run.steps(), config.demo().stepsPerSecond(),
                            () -> stopping || !leases.holds(LEASE));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopping) {
                LOG.error("Demo plant stopped", e);
            }
        }
    }

    /** Sleeps in short steps so that a stop is seen within 100 ms without an interrupt. */
    private void sleepUnlessStopping(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!stopping && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
