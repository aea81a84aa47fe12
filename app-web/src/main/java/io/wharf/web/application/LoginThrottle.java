package io.wharf.web.application;

import io.wharf.domain.account.LoginAttempts;
import io.wharf.domain.account.LoginAttempts.Failures;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Slows down password guessing per login (account and user name): after {@value #FREE_FAILURES} failures in a row
 * every further attempt must wait twice as long as the previous one (capped at 15 minutes). Each attempt is checked
 * and counted with the login's record locked in the database, so racing attempts — on one server or on several
 * sharing the database — are taken one at a time and cannot slip past the limit together; a success clears the
 * record. Its own short transaction, so the count stays even when the sign-in's transaction rolls back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    /** How an attempt ended: refused unchecked while the login waits ({@code retryAfter}), or checked and right or wrong. */
    public record Outcome(boolean matched, Duration retryAfter) {
        public boolean blocked() {
            return retryAfter != null;
        }
    }

    @Inject
    LoginAttempts attempts;
    private final Clock clock;

    public LoginThrottle() {
        this.clock = Clock.systemUTC();
    }

    LoginThrottle(LoginAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * Runs {@code check} (the password comparison) unless the login is blocked, and records its result. It answers
     * instead of throwing, so that a refusal does not leave the transaction as a failure would (Liberty writes an
     * incident file for every exception that does).
     */
    public Outcome attempt(String login, BooleanSupplier check) {
        Failures failures = attempts.lock(login);
        Instant now = clock.instant();
        if (now.isBefore(failures.blockedUntil())) {
            return new Outcome(false, Duration.between(now, failures.blockedUntil()));
        }
        if (check.getAsBoolean()) {
            if (failures.count() > 0) {
                attempts.clear(login);
            }
            return new Outcome(true, null);
        }
        int count = failures.count() + 1;
        Instant until = now;
        if (count >= FREE_FAILURES) {
            Duration wait = Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 10));
            until = now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }
        attempts.save(login, new Failures(count, until));
        return new Outcome(false, null);
    }

    /** The refusal of an attempt made while blocked. */
    public static WharfException tooManyAttempts(Duration wait) {
        return WharfException.throttled(
                "Too many failed sign-in attempts; try again in " + Math.max(1, wait.toSeconds()) + " seconds.");
    }
}
