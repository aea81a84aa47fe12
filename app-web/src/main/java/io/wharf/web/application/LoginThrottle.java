package io.wharf.web.application;

import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per account and user name: after {@value #FREE_FAILURES} failures in a row every
 * further attempt must wait twice as long as the previous one (capped at 15 minutes). A success clears the record.
 */
@ApplicationScoped
public class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt while the key is blocked. */
    public void check(String key) {
        Failures record = failures.get(key);
        if (record != null && clock.instant().isBefore(record.blockedUntil())) {
            long seconds = Math.max(1, Duration.between(clock.instant(), record.blockedUntil()).toSeconds());
            throw new WharfException(SwrError.TOO_MANY_REQUESTS,
                    "Too many failed sign-in attempts; try again in " + seconds + " seconds.");
        }
    }

    public void failed(String key) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        failures.compute(key, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            Instant until = clock.instant();
            if (count >= FREE_FAILURES) {
                Duration wait = Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 10));
                until = until.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
            }
            return new Failures(count, until);
        });
    }

    public void succeeded(String key) {
        failures.remove(key);
    }
}
