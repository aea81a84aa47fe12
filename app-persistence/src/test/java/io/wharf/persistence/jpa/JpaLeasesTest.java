package io.wharf.persistence.jpa;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leases on MariaDB: one holder at a time, taken over when it runs out, and a scheduled job due once per interval. */
class JpaLeasesTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static boolean acquire(String name, String node, Duration interval, Instant now) {
        return db.inTransaction(em -> new JpaLeases(em).acquire(name, node, TTL, interval, now));
    }

    @Test
    void aLeaseHasOneHolderUntilItRunsOut() {
        assertTrue(acquire("node:n1", "n1", null, T0));
        assertTrue(acquire("job:a", "n1", null, T0));
        assertFalse(acquire("job:a", "n2", null, T0.plusSeconds(10)), "held by n1");
        assertTrue(acquire("node:n1", "n1", null, T0.plusSeconds(20)));
        assertTrue(acquire("job:a", "n1", null, T0.plusSeconds(20)), "its holder renews it");
        assertFalse(acquire("job:a", "n2", null, T0.plusSeconds(49)), "renewed until 50 s");
        assertTrue(acquire("job:a", "n2", null, T0.plusSeconds(51)), "n1 died: n2 takes it over");
    }

    @Test
    void aFinishedJobIsNotDueAgainBeforeItsInterval() {
        Duration daily = Duration.ofHours(24);
        assertTrue(acquire("job:gc", "n1", daily, T0));
        db.inTransaction(em -> {
            new JpaLeases(em).finish("job:gc", "n1", T0.plusSeconds(5));
            return null;
        });
        assertFalse(acquire("job:gc", "n2", daily, T0.plusSeconds(60)), "ran a minute ago");
        assertTrue(acquire("job:gc", "n2", daily, T0.plusSeconds(5).plus(daily)));
    }

    @Test
    void aReleasedJobMayRunAgainAtOnce() {
        Duration daily = Duration.ofHours(24);
        assertTrue(acquire("job:retention", "n1", daily, T0));
        db.inTransaction(em -> {
            new JpaLeases(em).release("job:retention", "n1", T0.plusSeconds(1));
            return null;
        });
        assertTrue(acquire("job:retention", "n2", daily, T0.plusSeconds(2)));
    }

    @Test
    void aJobHeldByANodeThatIsGoneIsTakenOverBeforeItsLeaseRunsOut() {
        assertTrue(acquire("node:dying", "dying", null, T0));
        assertTrue((boolean) db.inTransaction(em -> new JpaLeases(em).acquire("job:long", "dying", Duration.ofMinutes(30), null, T0)));
        assertFalse(acquire("job:long", "heir", null, T0.plusSeconds(20)), "its node still lives");
        assertTrue(acquire("job:long", "heir", null, T0.plusSeconds(31)), "its node's lease ran out: the job is free");
    }

    @Test
    void aNodeIsLiveWhileItsOwnLeaseRuns() {
        assertTrue(acquire("node:n7", "n7", null, T0));
        assertTrue((boolean) db.inTransaction(em -> new JpaLeases(em).isLive("n7", T0.plusSeconds(29))));
        assertFalse((boolean) db.inTransaction(em -> new JpaLeases(em).isLive("n7", T0.plusSeconds(31))));
    }

    @Test
    void racingNodesNeverBothWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String node = "racer" + i;
                assertTrue(acquire("node:" + node, node, null, T0), "every racer is a live node");
                racers.add(() -> acquire("job:race", node, null, T0));
            }
            int winners = 0;
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdown();
        }
    }
}
