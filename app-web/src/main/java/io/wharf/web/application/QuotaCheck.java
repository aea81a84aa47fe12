package io.wharf.web.application;

import io.wharf.domain.quota.QuotaKey;

/** The check creates and pushes make, inside their own transactions, before they add to an account's use. */
public interface QuotaCheck {
    /** No limits: for tests over in-memory ports that are not about quotas. */
    QuotaCheck NONE = new QuotaCheck() {
        @Override
        public boolean limits(String accountId, QuotaKey key) {
            return false;
        }

        @Override
        public void requireRoom(String accountId, QuotaKey key, long amount) {
        }
    };

    /** Whether the account has a limit on {@code key} (cheap: no counting), so a caller can skip working out the amount. */
    boolean limits(String accountId, QuotaKey key);

    /** Refuses ({@code LIMIT_REACHED}) adding {@code amount} of {@code key} (storage: bytes) to the account. */
    void requireRoom(String accountId, QuotaKey key, long amount);
}
