package io.wharf.web.application;

import io.wharf.domain.account.LoginAttempts;
import io.wharf.domain.account.LoginAttempts.Failures;
import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing per login (account and user name): after {@value #FREE_FAILURES} failures in a row
 * every further attempt must wait twice as long as the previous one (capped at 15 minutes). An attempt is counted as
 * a failure <em>before</em> its password is checked, with the login's record locked in the database, so racing
 * attempts (on one server or several sharing the database) cannot slip past the limit together; a success clears it.
 * Each call is its own short transaction, so the count stays even when the sign-in's own transaction rolls back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

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
     * Counts the attempt as a failure until {@link #succeeded} says otherwise, or, while the login is blocked, returns
     * how long it must still wait (and counts nothing). It answers instead of throwing, so that a refusal does not leave
     * the transaction as a failure would (Liberty writes an incident file for every exception that does).
     */
    public Optional<Duration> begin(String login) {
        Instant now = clock.instant();
        Failures failures = attempts.lock(login);
        if (now.isBefore(failures.blockedUntil())) {
            return Optional.of(Duration.between(now, failures.blockedUntil()));
        }
        int count = failures.count() + 1;
        Instant until = now;
        if (count >= FREE_FAILURES) {
            Duration wait = Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 10));
            until = now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }
        attempts.save(login, new Failures(count, until));
        return Optional.empty();
    }

    /** The refusal of an attempt made while blocked. */
    public static WharfException tooManyAttempts(Duration wait) {
        return new WharfException(SwrError.TOO_MANY_REQUESTS,
                "Too many failed sign-in attempts; try again in " + Math.max(1, wait.toSeconds()) + " seconds.");
    }

    public void succeeded(String login) {
        attempts.clear(login);
    }
}
