package io.wharf.domain.share;

import java.time.Instant;

/**
 * A repository shared with another account (named by {@code access_domain}): what it may do ({@code permit}, only
 * {@code read}), until when, and who shared it.
 */
public record AccessDomain(long id, long repositoryId, String accountId, String accountName, String permit,
                           Deadline deadline, String description, String creatorId, String creatorName,
                           Instant createdAt, Instant updatedAt) {
    public static final String READ = "read";

    /** A share gives its right until its deadline passes. */
    public boolean isValidAt(Instant now) {
        return !deadline.isPassedAt(now);
    }
}
