package io.wharf.web.application;

import io.wharf.domain.error.Failure;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a failed transaction's cause is read: an outage, a lost race, or neither. */
class DatabaseFailuresTest {

    @Test
    void aRefusedConnectionDeepInTheCausesIsAnOutage() {
        RuntimeException failure = new IllegalStateException("persistence",
                new RuntimeException(new SQLNonTransientConnectionException("Socket fail to connect")));
        assertTrue(DatabaseFailures.isOutage(failure));
        assertEquals(Failure.UNAVAILABLE, ((io.wharf.domain.error.WharfException) DatabaseFailures.translated(failure))
                .failure());
    }

    @Test
    void aConnectionSqlStateIsAnOutage() {
        assertTrue(DatabaseFailures.isOutage(new RuntimeException(new SQLException("link failure", "08S01"))));
    }

    @Test
    void aDeadlockOrACertificationConflictIsALostRace() {
        assertTrue(DatabaseFailures.isConflict(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        assertTrue(DatabaseFailures.isConflict(new RuntimeException(new SQLException("WSREP detected deadlock", "HY000", 1213))));
        assertFalse(DatabaseFailures.isOutage(new SQLException("Deadlock found", "40001", 1213)));
    }

    @Test
    void anyOtherFailureIsLeftAsItIs() {
        RuntimeException failure = new IllegalStateException(new SQLException("Duplicate entry", "23000", 1062));
        assertFalse(DatabaseFailures.isOutage(failure));
        assertFalse(DatabaseFailures.isConflict(failure));
        assertSame(failure, DatabaseFailures.translated(failure));
    }
}
