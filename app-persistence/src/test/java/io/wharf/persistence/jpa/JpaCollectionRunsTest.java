package io.wharf.persistence.jpa;

import io.wharf.domain.registry.CollectionRun;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The garbage collection history on MariaDB: recorded runs come back newest first, as many as asked for. */
class JpaCollectionRunsTest {

    @Test
    void runsComeBackNewestFirst() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
            CollectionRun first = new CollectionRun(t, t.plusSeconds(2), true, 3, 2, 4096);
            CollectionRun second = new CollectionRun(t.plusSeconds(60), t.plusSeconds(61), false, 0, 5, 10_485_760);
            db.inTransaction(em -> {
                new JpaCollectionRuns(em).record(first);
                new JpaCollectionRuns(em).record(second);
                return null;
            });
            assertEquals(List.of(second, first), db.inTransaction(em -> new JpaCollectionRuns(em).latest(10)));
            assertEquals(List.of(second), db.inTransaction(em -> new JpaCollectionRuns(em).latest(1)));
        }
    }
}
