package io.poka.audit.internal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Chains committed journal entries shortly after their commit, so writers append without queueing on the chain head.
 * One thread per instance, woken by the commits of this instance's appends and polling for the others; each round is
 * one transaction that locks the chain head, so instances never chain at the same time. Readers call {@link #drain()}
 * first, so a read sees every entry committed before it.
 */
@ApplicationScoped
class ChainSequencer {
    private static final Logger LOG = Logger.getLogger(ChainSequencer.class);
    private static final Object WAKE_REGISTERED = new Object();

    private final AuditStore store;
    private final AuditConfig config;
    private final TransactionSynchronizationRegistry registry;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    ChainSequencer(AuditStore store, AuditConfig config, TransactionSynchronizationRegistry registry) {
        this.store = store;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::loop, "poka-audit-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes the sequencer when the current transaction (which appended to the journal) commits. */
    void wakeAfterCommit() {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            wake();
            return;
        }
        if (registry.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        registry.putResource(WAKE_REGISTERED, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /**
     * Chains every journal entry committed before this call (in transactions of its own, suspending the caller's), so
     * that a read after it sees them in the chain. Later appends may be chained too.
     */
    void drain() {
        while (round() >= config.sequencerBatch()) {
            // a full batch: there may be more
        }
    }

    /** One chaining transaction; returns how many entries it chained. */
    int round() {
        return QuarkusTransaction.requiringNew().call(() -> store.journalPending()
                ? store.chainPending(config.sequencerBatch()) : 0);
    }

    private void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        long failures = 0;
        while (running) {
            try {
                drain();
                failures = 0;
                awaitWork(config.sequencerPoll().toNanos());
            } catch (RuntimeException e) {
                // the round rolled back: its journal rows are still there and the next round chains them
                failures++;
                LOG.errorf(e, "Chaining the audit journal failed (%d in a row); retrying", failures);
                awaitWork(TimeUnit.MILLISECONDS.toNanos(Math.min(5000, 100 * failures)));
            }
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("Audit journal not fully chained at shutdown; the next start (or another instance) chains it", e);
        }
    }

    private void awaitWork(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!woken && running && left > 0) {
                left = work.awaitNanos(left);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
