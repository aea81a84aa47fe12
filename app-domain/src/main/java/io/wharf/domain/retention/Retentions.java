package io.wharf.domain.retention;

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
}
