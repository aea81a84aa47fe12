package io.wharf.domain.replication;

import java.time.Duration;
import java.time.Instant;

/**
 * One tag to copy to a region: {@code waiting} (again after a failed attempt, until {@code nextAttemptAt}),
 * {@code running}, {@code success} or {@code failed} with the {@code reason}.
 */
public record SyncJob(long id, long repositoryId, String namespace, String repository, String accountId,
                      String accountName, String regionId, String remoteNamespace, String tag, boolean override,
                      String status, String reason, int attempts, String operatorId, String operatorName,
                      Instant createdAt, Instant updatedAt, Instant nextAttemptAt) {
    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
    /** A site that is down is tried this many times, waiting longer each time, before the job fails. */
    public static final int MAX_ATTEMPTS = 4;
    /**
     * Jobs of one account running at a time across the servers: one account's slow site never holds every sync slot,
     * another account's copy starts while it crawls.
     */
    public static final int MAX_RUNNING_PER_ACCOUNT = 1;

    public static Instant retryAt(Instant now, int attempts, Duration base) {
        return now.plus(base.multipliedBy((long) Math.pow(4, attempts - 1)));
    }

    public SyncJob with(String newStatus, String newReason, int newAttempts, Instant now, Instant next) {
        return new SyncJob(id, repositoryId, namespace, repository, accountId, accountName, regionId, remoteNamespace, tag,
                override, newStatus, newReason, newAttempts, operatorId, operatorName, createdAt, now, next);
    }
}
