package io.wharf.web.application;

import io.wharf.domain.error.Failure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new InMemoryLoginAttempts(), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    /** A wrong password: the attempt is counted as it begins and nothing clears it. */
    /** A wrong password, which must be checked (not refused unchecked). */
    private void fail(String login) {
        assertFalse(throttle.attempt(login, () -> false).blocked(), "the attempt is checked");
    }

    private void assertBlocked(String login) {
        assertTrue(throttle.attempt(login, () -> true).blocked(), "the attempt is refused unchecked");
    }

    private void assertAllowed(String login) {
        assertTrue(throttle.attempt(login, () -> true).matched(), "the attempt is checked");
    }

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        assertAllowed("a/u");
    }

    @Test
    void repeatedFailuresBlockForLongerAndLongerAndOnlyThatUser() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        assertBlocked("a/u");
        assertEquals(Failure.THROTTLED, LoginThrottle.tooManyAttempts(Duration.ofSeconds(1)).failure());
        assertAllowed("a/other");
        now = now.plus(Duration.ofSeconds(1));
        fail("a/u");
        now = now.plus(Duration.ofSeconds(1));
        assertBlocked("a/u");
        now = now.plus(Duration.ofSeconds(1));
        assertAllowed("a/u");
    }

    @Test
    void aBlockedAttemptIsNotCheckedAtAll() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        boolean[] checked = {false};
        assertTrue(throttle.attempt("a/u", () -> checked[0] = true).blocked());
        assertFalse(checked[0], "a blocked attempt never reaches the password comparison");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        assertAllowed("a/u");
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        assertAllowed("a/u");
    }
}
