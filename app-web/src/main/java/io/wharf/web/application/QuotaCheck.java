package io.wharf.web.application;

import io.wharf.domain.quota.QuotaKey;

/** The check creates and pushes make, inside their own transactions, before they add to an account's use. */
@FunctionalInterface
public interface QuotaCheck {
    /** No limits: for tests over in-memory ports that are not about quotas. */
    QuotaCheck NONE = (accountId, key, amount) -> {
    };

    /** Refuses ({@code LIMIT_REACHED}) adding {@code amount} of {@code key} (storage: bytes) to the account. */
    void requireRoom(String accountId, QuotaKey key, long amount);
}
