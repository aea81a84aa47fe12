package io.wharf.domain.quota;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;

/**
 * One limit of an account and its use, in the key's unit (storage in MiB, rounded up); {@link #UNLIMITED} (-1) for
 * none. {@link #requireRoom} is the one rule: what is used plus what is added may not pass the limit.
 */
public record Quota(QuotaKey key, long limit, long used) {
    public static final long UNLIMITED = -1;
    public static final long MIB = 1024 * 1024;

    public boolean unlimited() {
        return limit == UNLIMITED;
    }

    /** Refuses adding {@code amount} (storage: bytes) to {@code usedNow} (storage: bytes) over {@code limit}. */
    public static void requireRoom(QuotaKey key, long limit, long usedNow, long amount) {
        if (limit == UNLIMITED) {
            return;
        }
        long capacity = key == QuotaKey.STORAGE ? limit * MIB : limit;
        if (usedNow + amount > capacity) {
            String what = switch (key) {
                case NAMESPACE -> "organizations";
                case REPOSITORY -> "image repositories";
                case STORAGE -> "MiB of storage";
            };
            Subject subject = key == QuotaKey.NAMESPACE ? Subject.ORGANIZATION : Subject.QUOTA;
            throw WharfException.limitReached(subject, "The account's quota of " + limit + " " + what + " is reached"
                    + (key == QuotaKey.STORAGE ? " (" + (usedNow + MIB - 1) / MIB + " MiB used, " + (amount + MIB - 1) / MIB
                    + " MiB more asked)" : "") + "; ask a Wharf administrator to raise it.");
        }
    }

    /** A limit an administrator sets: -1 (none) or 0 and up. */
    public static long checkLimit(Long limit, String field) {
        if (limit == null || limit < UNLIMITED || limit > 1_000_000_000L) {
            throw WharfException.invalid(field, field + " must be -1 (no limit) or a whole number from 0 to 1000000000.");
        }
        return limit;
    }
}
