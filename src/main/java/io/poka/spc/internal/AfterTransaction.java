package io.poka.spc.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs in-memory bookkeeping when the current transaction ends, so caches follow what the database committed. */
@ApplicationScoped
public class AfterTransaction {
    private final TransactionSynchronizationRegistry registry;

    AfterTransaction(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** Runs the action after commit or rollback; outside a transaction, at once. */
    void always(Runnable action) {
        register(action, false);
    }

    /** Runs the action only if the transaction does not commit. */
    void onRollback(Runnable action) {
        register(action, true);
    }

    private void register(Runnable action, boolean onlyOnRollback) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            if (!onlyOnRollback) {
                action.run();
            }
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (!onlyOnRollback || status != Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
