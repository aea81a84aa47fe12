package io.wharf.web.application;

import io.wharf.web.fakes.InMemoryLeases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduled work across two nodes sharing their leases: it runs on one, once per interval. */
class ClusterNodeTest {
    private final InMemoryLeases shared = new InMemoryLeases();
    private final MaintenanceService maintenance = maintenance();
    private final ClusterNode a = new ClusterNode("a", shared, maintenance);
    private final ClusterNode b = new ClusterNode("b", shared, maintenance);

    static MaintenanceService maintenance() {
        MaintenanceService service = new MaintenanceService();
        service.modes = new io.wharf.web.fakes.InMemoryMaintenanceModes();
        return service;
    }
    private final AtomicInteger runs = new AtomicInteger();

    @org.junit.jupiter.api.BeforeEach
    void bothNodesLive() {
        a.renewOwnLease();
        b.renewOwnLease();
    }

    @Test
    void aScheduledJobRunsOnOneNodePerInterval() {
        assertTrue(a.once("gc", Duration.ofHours(24), Duration.ofHours(1), runs::incrementAndGet));
        assertFalse(b.once("gc", Duration.ofHours(24), Duration.ofHours(1), runs::incrementAndGet));
        assertFalse(a.once("gc", Duration.ofHours(24), Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    @Test
    void aJobThatFailedMayRunAgainOnAnotherNode() {
        assertThrows(IllegalStateException.class, () -> a.once("retention", Duration.ofHours(24), Duration.ofHours(1),
                () -> {
                    throw new IllegalStateException("storage away");
                }));
        assertTrue(b.once("retention", Duration.ofHours(24), Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    @Test
    void aJobHeldByANodeThatIsGoneIsTakenOver() {
        ClusterNode gone = new ClusterNode("gone", shared, maintenance);
        assertTrue(gone.take("retention", null, Duration.ofHours(1)), "a node without a live lease of its own");
        assertTrue(b.once("retention", null, Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    @Test
    void aJobRunningOnOneNodeIsNotStartedOnAnother() {
        assertTrue(a.once("feed-import", null, Duration.ofHours(1),
                () -> assertFalse(b.once("feed-import", null, Duration.ofHours(1), runs::incrementAndGet))));
        assertEquals(0, runs.get());
    }

    @Test
    void scheduledWorkWaitsWhileWharfIsReadOnly() {
        io.wharf.domain.account.Caller admin = new io.wharf.domain.account.Caller("u", "admin", "sys", "wharf", "p", true, true);
        maintenance.set(admin, true, "backup before the upgrade");
        assertFalse(a.once("gc", Duration.ofHours(24), Duration.ofHours(1), runs::incrementAndGet));
        maintenance.set(admin, false, "");
        assertTrue(a.once("gc", Duration.ofHours(24), Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
    }
}
