package io.wharf.domain.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Leases in the shared database, by which the nodes of a cluster agree who does what: a scheduled job (garbage
 * collection, retention, feed imports, usage snapshots) runs on the one node holding its lease, and a node that dies
 * mid-job lets its lease run out so that another takes the job over. Each node also holds a lease on its own name
 * while it lives; work it had claimed (scans, sync jobs) is queued again once that lease has run out.
 */
public interface Leases {
    /** The prefix of the lease each live node renews on its own name. */
    String NODE = "node:";

    /**
     * Takes {@code name} for {@code node} until {@code now + ttl}, if no other live node holds it past {@code now} (a
     * holder whose own node lease ran out holds nothing) and, when
     * {@code interval} is not null, its last run finished at least {@code interval} before {@code now}. A node that
     * holds it already renews it.
     */
    boolean acquire(String name, String node, Duration ttl, Duration interval, Instant now);

    /** The job is done: its lease is free and its last run finished {@code now}. */
    void finish(String name, String node, Instant now);

    /** Frees the lease without recording a finished run (the job failed and should be tried again). */
    void release(String name, String node, Instant now);

    /** Whether {@code node} holds a live lease on its own name. */
    boolean isLive(String node, Instant now);
}
