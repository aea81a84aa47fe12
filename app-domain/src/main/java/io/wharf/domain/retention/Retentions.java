package io.wharf.domain.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored retention policies and the records of what they removed. */
public interface Retentions {

    RetentionPolicy add(long repositoryId, String algorithm, List<RetentionRule> rules);

    Optional<RetentionPolicy> byId(long repositoryId, long id);

    List<RetentionPolicy> of(long repositoryId);

    /** Every policy of every repository (the scheduler's run). */
    List<RetentionPolicy> all();

    void update(RetentionPolicy policy);

    boolean remove(long repositoryId, long id);

    void record(RetentionRecord record);

    List<RetentionRecord> records(long repositoryId, int offset, int limit);

    long countRecords(long repositoryId);

    /**
     * Stores a run that starts now on {@code node}; fails as {@code busy} when the repository has a run still running or
     * the account has {@link RetentionRun#MAX_RUNNING_PER_ACCOUNT}. Racing starts see these limits one at a time.
     */
    RetentionRun startRun(RetentionRun run, String node);

    void finishRun(RetentionRun run);

    Optional<RetentionRun> run(long repositoryId, long runId);

    /** The repository's latest runs, newest first. */
    List<RetentionRun> runs(long repositoryId, int limit);

    /** Runs left running by a node that is gone (its lease ran out at {@code now}) end failed with {@code why}. */
    int failInterrupted(Instant now, String why);
}
