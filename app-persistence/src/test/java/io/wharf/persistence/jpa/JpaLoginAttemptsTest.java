package io.wharf.persistence.jpa;

import io.wharf.domain.account.LoginAttempts.Failures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The throttle's records on MariaDB: racing transactions (as on two Wharf servers) count one at a time. */
class JpaLoginAttemptsTest {
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void aNewLoginHasNoFailuresAndASavedRecordIsReadBack() {
        assertEquals(Failures.NONE, db.inTransaction(em -> new JpaLoginAttempts(em).lock("acct/new")));
        Failures saved = new Failures(3, Instant.ofEpochMilli(1_800_000_000_000L));
        db.inTransaction(em -> {
            new JpaLoginAttempts(em).lock("acct/u");
            new JpaLoginAttempts(em).save("acct/u", saved);
            return null;
        });
        assertEquals(saved, db.inTransaction(em -> new JpaLoginAttempts(em).lock("acct/u")));
        db.inTransaction(em -> {
            new JpaLoginAttempts(em).clear("acct/u");
            return null;
        });
        assertEquals(Failures.NONE, db.inTransaction(em -> new JpaLoginAttempts(em).lock("acct/u")));
    }

    @Test
    void racingIncrementsOfOneLoginAreNeverLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                done.add(pool.submit(() -> db.inTransaction(em -> {
                    JpaLoginAttempts attempts = new JpaLoginAttempts(em);
                    Failures now = attempts.lock("acct/raced");
                    attempts.save("acct/raced", new Failures(now.count() + 1, now.blockedUntil()));
                    return null;
                })));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, db.inTransaction(em -> new JpaLoginAttempts(em).lock("acct/raced")).count());
    }
}
