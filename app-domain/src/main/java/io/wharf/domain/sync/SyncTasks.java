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

    List<TaskRegistry> registries(RegistryQuery query);

    long countRegistries(RegistryQuery query);

    /** Records how one registry of a task ended. */
    void finish(long taskId, long registryId, String status, String failedReason, int totalNum, Instant now);

    /** Fails every registry still {@code running} (after a restart nothing runs them any more); returns how many. */
    int failRunning(String reason, Instant now);

    /** Stores or refreshes one image found in a remote registry. */
    void upsertImage(String accountId, SyncRegistry registry, RemoteImage image, Instant now);
}
