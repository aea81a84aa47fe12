package io.wharf.domain.retention;

import java.time.Instant;
import java.util.List;

/**
 * A run of a retention policy asked for by a repository's manager: it works in the background ({@code running}) and
 * ends {@code done} with the tags it removed (a dry run only names them) or {@code failed} with why, nothing removed.
 * {@code removed} holds the first {@link #MAX_LISTED} tags, {@code removedCount} all of them.
 */
public record RetentionRun(long id, long retentionId, long repositoryId, String accountId, boolean dryRun, String status,
                           List<String> removed, int removedCount, String message, String operatorName,
                           Instant startedAt, Instant finishedAt) {
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    /** Runs of one account at a time (one per repository): one account's policies never take every worker. */
    public static final int MAX_RUNNING_PER_ACCOUNT = 2;
    public static final int MAX_LISTED = 10_000;

    public RetentionRun {
        removed = List.copyOf(removed.size() > MAX_LISTED ? removed.subList(0, MAX_LISTED) : removed);
    }

    public RetentionRun done(List<String> tags, Instant at) {
        return new RetentionRun(id, retentionId, repositoryId, accountId, dryRun, DONE, tags, tags.size(), "",
                operatorName, startedAt, at);
    }

    public RetentionRun failed(String why, Instant at) {
        return new RetentionRun(id, retentionId, repositoryId, accountId, dryRun, FAILED, List.of(), 0, why,
                operatorName, startedAt, at);
    }
}
