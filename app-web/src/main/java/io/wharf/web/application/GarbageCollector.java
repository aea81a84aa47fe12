package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.CollectionRun;
import io.wharf.domain.registry.CollectionRuns;
import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.Swept;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes blobs that no manifest references: first the repository links older than the grace period that no manifest
 * of their repository uses, then every stored file that nothing names any more and that is itself older than the
 * grace period. The grace period is what keeps collection from racing a push: a blob uploaded for a manifest not yet
 * pushed is young, and a manifest push refreshes the links it uses under their row locks. Runs on a schedule
 * ({@code WHARF_GC_INTERVAL_HOURS}, default 24) and when an administrator asks.
 */
@ApplicationScoped
public class GarbageCollector {
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());

    @Inject
    Manifests manifests;
    @Inject
    BlobStore store;
    @Inject
    CollectionRuns runs;
    @Inject
    GarbageCollector self;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final ReentrantLock running = new ReentrantLock();
    /** The cluster-wide lease of collections: one node collects at a time, and a scheduled run once per interval. */
    private static final String LEASE = "garbage-collection";
    /** Longer than a collection takes; a node that dies mid-collection leaves it to another after this. */
    private static final Duration LEASE_TTL = Duration.ofHours(1);
    @Inject
    ClusterNode node;

    /** What one collection removed. */
    public record Collected(int links, int blobs, long bytes, Instant at) {
    }

    /** When the schedule runs the next collection; null when collections run only when asked. */
    private volatile Instant nextRun;

    void schedule(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Hours, a fraction allowed (the cluster test collects every few seconds).
        double hours = Double.parseDouble(WharfSettings.value("WHARF_GC_INTERVAL_HOURS").orElse("24"));
        if (hours > 0) {
            Duration interval = Duration.ofMillis((long) (hours * 3_600_000));
            nextRun = Instant.now().plus(interval);
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    // Every node schedules it; the one that takes the lease collects, the others find it done
                    // (within nine tenths of the interval: the nodes' schedules drift apart).
                    node.once(LEASE, interval.multipliedBy(9).dividedBy(10), LEASE_TTL,
                            () -> collect(DEFAULT_GRACE, true));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Scheduled garbage collection failed", e);
                } finally {
                    nextRun = Instant.now().plus(interval);
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The latest collections and the next scheduled one, for Wharf's administrators. */
    public record History(List<CollectionRun> runs, Instant nextRun) {
    }

    @UseCase
    public History history(Caller caller, int limit) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators see garbage collection.");
        }
        return new History(runs.latest(limit), nextRun);
    }

    /** When the latest collection (on any server) finished, for the operations figures. */
    @UseCase
    public java.util.Optional<Instant> lastRun() {
        return runs.latest(1).stream().map(CollectionRun::finishedAt).findFirst();
    }

    /** An administrator's collection; a grace period shorter than the default is allowed for tests and emergencies. */
    public Collected collect(Caller caller, Duration grace) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators may collect garbage.");
        }
        Collected[] collected = new Collected[1];
        if (!node.once(LEASE, null, LEASE_TTL, () -> collected[0] = collect(grace, false))) {
            throw WharfException.busy(Subject.GARBAGE_COLLECTION, "A garbage collection is running on another node.");
        }
        return collected[0];
    }

    Collected collect(Duration grace, boolean scheduled) {
        if (!running.tryLock()) {
            throw WharfException.busy(Subject.GARBAGE_COLLECTION, "A garbage collection or a backup is running.");
        }
        try {
            Instant begun = Instant.now();
            Instant cutoff = begun.minus(grace);
            int links = self.removeLinks(cutoff);
            Set<String> live = self.liveDigests();
            Swept swept = store.sweep(live::contains, grace);
            Instant done = Instant.now();
            LOG.info(() -> "Garbage collection removed " + links + " blob links and " + swept.blobs() + " blobs ("
                    + swept.bytes() + " bytes)");
            self.record(new CollectionRun(begun, done, scheduled, links, swept.blobs(), swept.bytes()));
            return new Collected(links, swept.blobs(), swept.bytes(), done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running.unlock();
        }
    }

    /**
     * What a collection now would free, freeing nothing: the links it would remove, then the blobs no one would name
     * any more and the bytes they hold. Reads only, so it runs beside anything (read-only maintenance included).
     */
    public Collected dryRun(Caller caller, Duration grace) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators may collect garbage.");
        }
        Instant cutoff = Instant.now().minus(grace);
        int links = self.countLinks(cutoff);
        Set<String> live = self.liveDigestsAfterRemovingLinks(cutoff);
        try {
            Swept would = store.unreferenced(live::contains, grace);
            return new Collected(links, would.blobs(), would.bytes(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @UseCase
    public int countLinks(Instant cutoff) {
        return manifests.countUnreferencedLinks(cutoff);
    }

    @UseCase
    public Set<String> liveDigestsAfterRemovingLinks(Instant cutoff) {
        return manifests.liveDigestsAfterRemovingLinks(cutoff);
    }

    /** Work no collection may run beside (a backup): waits for a running collection, and holds off the next. */
    public <T> T paused(java.util.concurrent.Callable<T> work) throws Exception {
        running.lock();
        try {
            return work.call();
        } finally {
            running.unlock();
        }
    }

    @UseCase
    public int removeLinks(Instant cutoff) {
        return manifests.removeUnreferencedLinks(cutoff);
    }

    @UseCase
    public void record(CollectionRun run) {
        runs.record(run);
    }

    @UseCase
    public Set<String> liveDigests() {
        return manifests.liveDigests();
    }
}
