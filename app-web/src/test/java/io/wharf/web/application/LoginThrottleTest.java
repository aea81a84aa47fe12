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
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
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

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("a/u");
            assertDoesNotThrow(() -> throttle.check("a/u"));
        }
    }

    @Test
    void repeatedFailuresBlockForLongerAndLongerAndOnlyThatUser() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("a/u");
        }
        WharfException blocked = assertThrows(WharfException.class, () -> throttle.check("a/u"));
        assertEquals(SwrError.TOO_MANY_REQUESTS, blocked.error());
        assertDoesNotThrow(() -> throttle.check("a/other"));
        now = now.plus(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.check("a/u"));
        throttle.failed("a/u");
        now = now.plus(Duration.ofSeconds(1));
        assertThrows(WharfException.class, () -> throttle.check("a/u"), "the second block lasts two seconds");
        now = now.plus(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.check("a/u"));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("a/u");
        }
        throttle.succeeded("a/u");
        assertDoesNotThrow(() -> throttle.check("a/u"));
    }
}
