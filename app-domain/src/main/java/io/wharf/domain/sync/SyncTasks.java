package io.wharf.domain.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sync tasks, the state of each of their registries, and the images synced from remote registries. */
public interface SyncTasks {

    /** Stores a task whose registries all start {@code running}. */
    SyncTask create(String accountId, String createdBy, List<SyncRegistry> registries, Instant now);

    Optional<SyncTask> byId(String accountId, long id);

    /** The account's newest tasks first. */
    List<SyncTask> list(String accountId, int offset, int limit);

    /** How many tasks the account has. */
    long count(String accountId);

    List<TaskRegistry> registries(RegistryQuery query);

    long countRegistries(RegistryQuery query);

    /** Records how one registry of a task ended. */
    void finish(long taskId, long registryId, String status, String failedReason, int totalNum, Instant now);

    /** The account's registries that a task is syncing now. */
    List<Long> runningRegistryIds(String accountId);

    /** Every task (of any account) with a registry still {@code running}: after a restart, the work to resume. */
    List<SyncTask> unfinished();

    /** Records how many images a registry's running walk has found so far. */
    void progress(long taskId, long registryId, int found, Instant now);

    /**
     * Stores or refreshes images found in a remote registry; an image whose tag still names the same digest keeps its
     * update time, and every one is marked seen at {@code now}.
     */
    void upsertImages(String accountId, SyncRegistry registry, List<RemoteImage> images, Instant now);

    /** Drops the registry's images a finished walk (started at {@code walkStart}) no longer found; returns how many. */
    int removeUnseen(long registryId, Instant walkStart);
}
