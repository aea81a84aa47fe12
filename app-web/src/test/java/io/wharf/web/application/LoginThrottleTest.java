package io.wharf.web.application;

import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    private void fail(String login) {
        throttle.begin(login);
    }

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        assertDoesNotThrow(() -> throttle.begin("a/u"));
    }

    @Test
    void repeatedFailuresBlockForLongerAndLongerAndOnlyThatUser() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        WharfException blocked = assertThrows(WharfException.class, () -> throttle.begin("a/u"));
        assertEquals(SwrError.TOO_MANY_REQUESTS, blocked.error());
        assertDoesNotThrow(() -> throttle.begin("a/other"));
        now = now.plus(Duration.ofSeconds(1));
        fail("a/u");
        now = now.plus(Duration.ofSeconds(1));
        assertThrows(WharfException.class, () -> throttle.begin("a/u"), "the second block lasts two seconds");
        now = now.plus(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.begin("a/u"));
    }

    @Test
    void anAttemptInFlightCountsBeforeItsPasswordIsChecked() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.begin("a/u");
        }
        assertThrows(WharfException.class, () -> throttle.begin("a/u"),
                "five attempts begun and not yet answered already use up the free tries");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("a/u");
        }
        throttle.succeeded("a/u");
        assertDoesNotThrow(() -> throttle.begin("a/u"));
    }
}
