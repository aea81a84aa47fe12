package io.wharf.domain.quota;

import java.util.Map;

/** Where the limits administrators set per account are kept, and where an account's use is counted. */
public interface Quotas {

    /** The limits set for the account; a key not in the map has the operator's default. */
    Map<QuotaKey, Long> limits(String accountId);

    /** Sets the account's limit; {@code null} goes back to the default. */
    void setLimit(String accountId, QuotaKey key, Long limit);

    /** What the account uses of {@code key} (storage: bytes of the blobs its repositories hold). */
    long used(String accountId, QuotaKey key);

    /** Holds the account's row until the transaction ends, so that racing creates and pushes count one at a time. */
    void lock(String accountId);
}
