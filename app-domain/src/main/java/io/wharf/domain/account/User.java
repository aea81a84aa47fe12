package io.wharf.domain.account;

import java.time.Instant;

/**
 * A person or robot inside an account. An account's administrator holds every right on what the account owns;
 * the password is kept only as a slow salted hash.
 */
public record User(String id, String accountId, UserName name, String passwordHash, boolean administrator,
                   Instant createdAt) {
}
