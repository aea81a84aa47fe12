package io.wharf.domain.account;

import java.time.Instant;

/**
 * Failed sign-ins per login (account and user name), shared by every Wharf server on the database. {@link #lock}
 * holds the login's record until the caller's transaction ends, so that racing attempts are counted one at a time.
 */
public interface LoginAttempts {

    /** A login's consecutive failures and the instant before which it may not try again. */
    record Failures(int count, Instant blockedUntil) {
        public static final Failures NONE = new Failures(0, Instant.EPOCH);
    }

    /** The login's record, locked until the transaction ends ({@link Failures#NONE} for a login without failures). */
    Failures lock(String login);

    void save(String login, Failures failures);

    void clear(String login);
}
