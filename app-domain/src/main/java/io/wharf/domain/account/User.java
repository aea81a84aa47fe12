package io.wharf.domain.account;

import java.time.Instant;

/**
 * A person or robot inside an account. An account's administrator holds every right on what the account owns;
 * the password is kept only as a slow salted hash. {@code credentialsChangedAt} is when the password last changed:
 * console sessions begun before it are over. {@code passwordChangeRequired}: an administrator set the password, and
 * the user must choose their own before doing anything else.
 */
public record User(String id, String accountId, UserName name, String passwordHash, boolean administrator,
                   Instant createdAt, Instant credentialsChangedAt, boolean passwordChangeRequired) {

    /** A new user, with the password they were created with. */
    public User(String id, String accountId, UserName name, String passwordHash, boolean administrator, Instant createdAt) {
        this(id, accountId, name, passwordHash, administrator, createdAt, createdAt, false);
    }

    /** The same user with a new password hash, changed at {@code at}. */
    public User withPassword(String hash, boolean changeRequired, Instant at) {
        return new User(id, accountId, name, hash, administrator, createdAt, at, changeRequired);
    }
}
