package io.wharf.domain.replication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where regions, repositories' syncs and sync jobs are kept. */
public interface Replications {

    /** Stores a region; fails as {@code exists} when the id is taken. */
    void addRegion(Region region);

    Optional<Region> region(String id);

    List<Region> regions();

    boolean removeRegion(String id);

    /** Stores a grant; fails as {@code exists} when the account already holds the same one at the region. */
    void addGrant(RegionGrant grant);

    /** The region's grants, by account name then namespaces. */
    List<RegionGrant> grants(String regionId);

    boolean removeGrant(String regionId, String accountId, String namespaces);

    /**
     * Records that {@code tag}'s account writes the tag at the site unless an account already did: answers the
     * account that holds the tag now (the caller's when it was free). Two racing claims see one winner.
     */
    String claim(RemoteTag tag);

    /** Stores a repository's sync; fails as {@code exists} when the repository already syncs to that namespace. */
    void addSyncRepo(SyncRepo sync);

    List<SyncRepo> syncRepos(long repositoryId);

    boolean removeSyncRepo(long repositoryId, String regionId, String remoteNamespace);

    void addJob(SyncJob job);

    /** The repository's jobs, newest first, optionally only those of a status or tag. */
    List<SyncJob> jobs(long repositoryId, String status, String tag, int offset, int limit);

    long countJobs(long repositoryId, String status, String tag);

    /**
     * Claims up to {@code limit} waiting jobs due at {@code now}: they become {@code running} on {@code node}. Of one
     * account no more than {@link SyncJob#MAX_RUNNING_PER_ACCOUNT} run at a time; the accounts waiting longest go first.
     */
    List<SyncJob> claimDue(Instant now, int limit, String node);

    void update(SyncJob job);

    /** Jobs left running by a node that is gone (its lease on its name ran out at {@code now}): waiting again. */
    int requeueRunning(Instant now);
}
