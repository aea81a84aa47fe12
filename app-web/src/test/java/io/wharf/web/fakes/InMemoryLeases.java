package io.wharf.web.fakes;

import io.wharf.domain.cluster.Leases;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Leases in memory, shared by the nodes of a test the way the database shares them between servers. */
public class InMemoryLeases implements Leases {
    private record Lease(String holder, Instant expires, Instant finished) {
    }

    private final Map<String, Lease> leases = new HashMap<>();

    @Override
    public synchronized boolean acquire(String name, String node, Duration ttl, Duration interval, Instant now) {
        Lease lease = leases.getOrDefault(name, new Lease(null, now, null));
        boolean free = node.equals(lease.holder()) || lease.holder() == null || !lease.expires().isAfter(now)
                || !name.startsWith(NODE) && !isLive(lease.holder(), now);
        boolean due = interval == null || lease.finished() == null || !lease.finished().isAfter(now.minus(interval));
        if (free && due) {
            leases.put(name, new Lease(node, now.plus(ttl), lease.finished()));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void finish(String name, String node, Instant now) {
        Lease lease = leases.get(name);
        if (lease != null && node.equals(lease.holder())) {
            leases.put(name, new Lease(null, now, now));
        }
    }

    @Override
    public synchronized void release(String name, String node, Instant now) {
        Lease lease = leases.get(name);
        if (lease != null && node.equals(lease.holder())) {
            leases.put(name, new Lease(null, now, lease.finished()));
        }
    }

    @Override
    public synchronized boolean isLive(String node, Instant now) {
        Lease lease = leases.get(NODE + node);
        return lease != null && node.equals(lease.holder()) && lease.expires().isAfter(now);
    }
}
