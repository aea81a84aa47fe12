package io.wharf.persistence.startup;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseWaitTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger attempts = new AtomicInteger();

    /** A database that refuses the first {@code refusals} connections. */
    private DataSource database(int refusals) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (attempts.incrementAndGet() <= refusals) {
                        throw new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3306. Connection"
                                + " refused DSRA0010E: SQL State = 08000, Error Code = 0");
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> null);
                });
    }

    private DatabaseWait waitingAtMost(Duration limit) {
        return new DatabaseWait(limit, now::get, pause -> now.addAndGet(pause.toNanos()));
    }

    @Test
    void aDatabaseThatAnswersAtOnceIsNotWaitedFor() {
        waitingAtMost(Duration.ofSeconds(120)).await(database(0));
        assertEquals(1, attempts.get());
        assertEquals(0, now.get());
    }

    @Test
    void aDatabaseThatComesUpWithinTheLimitIsWaitedFor() {
        waitingAtMost(Duration.ofSeconds(120)).await(database(10));
        assertEquals(11, attempts.get());
        assertTrue(Duration.ofNanos(now.get()).toSeconds() < 60, "pauses grow to 5 s at most");
    }

    @Test
    void aDatabaseThatNeverAnswersFailsTheStartNamingTheSettingAndTheAddress() {
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> waitingAtMost(Duration.ofSeconds(30)).await(database(Integer.MAX_VALUE)));
        assertTrue(failed.getMessage().startsWith("Wharf cannot start: the database is unreachable (Socket fail to connect"
                + " to 127.0.0.1:3306. Connection refused)"), failed.getMessage());
        assertTrue(failed.getMessage().contains("WHARF_DB_WAIT_SECONDS"), failed.getMessage());
        assertTrue(Duration.ofNanos(now.get()).toSeconds() <= 35, "bounded by the limit");
    }

    @Test
    void aLimitOfZeroTriesOnce() {
        assertThrows(IllegalStateException.class, () -> waitingAtMost(Duration.ZERO).await(database(1)));
        assertEquals(1, attempts.get());
    }
}
