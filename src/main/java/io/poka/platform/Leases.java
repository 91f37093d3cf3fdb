package io.poka.platform;

/**
 * Work that must run once across replicas (outbox relay, checkpoints, demo plant, job recovery) runs only on the
 * replica that holds its named lease; a lease lapses when its holder stops renewing it (crash, pause, network cut),
 * so the work moves to another replica within the lease's time to live.
 */
public interface Leases {

    /**
     * Takes the named lease for this replica, or renews it when this replica holds it already; false when another
     * replica holds an unexpired one. Once taken, the lease is renewed on a heartbeat until it is released.
     */
    boolean tryHold(String name);

    /** Whether this replica holds the lease now, as far as it knows (last renewal younger than the time to live). */
    boolean holds(String name);

    /** Gives the lease up at once (no-op when not held), so another replica can take it without waiting. */
    void release(String name);

    /** This replica's identity in lease rows and logs (poka.platform.instance-id, or host, pid and a random part). */
    String instanceId();
}
