package io.wharf.web.fakes;

import io.wharf.domain.sync.RegistryQuery;
import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.SyncRegistry;
import io.wharf.domain.sync.SyncTask;
import io.wharf.domain.sync.SyncTasks;
import io.wharf.domain.sync.TaskRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sync tasks and the images their walks stored, in maps. The registry filters of page 004 are SQL, tested on MariaDB;
 * here a task's registries are listed whole.
 */
public final class InMemorySyncTasks implements SyncTasks {
    private final Map<Long, SyncTask> tasks = new ConcurrentSkipListMap<>();
    /** Stored images by "registry id/repository:tag", with the time a walk last saw each. */
    private final Map<String, Seen> images = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    private record Seen(long registryId, RemoteImage image, Instant at) {
    }

    /** The images stored for a registry, as "repository:tag". */
    public List<String> imagesOf(long registryId) {
        return images.values().stream().filter(s -> s.registryId() == registryId)
                .map(s -> s.image().repository() + ":" + s.image().tag()).toList();
    }

    @Override
    public SyncTask create(String accountId, String createdBy, List<SyncRegistry> registries, Instant now) {
        long id = ids.incrementAndGet();
        SyncTask task = new SyncTask(id, accountId, createdBy, now, registries.stream().map(r -> new TaskRegistry(id,
                r.id(), r.name(), r.type(), TaskRegistry.RUNNING, "", 0)).toList());
        tasks.put(id, task);
        return task;
    }

    @Override
    public Optional<SyncTask> byId(String accountId, long id) {
        return Optional.ofNullable(tasks.get(id)).filter(t -> t.accountId().equals(accountId));
    }

    @Override
    public List<SyncTask> list(String accountId, int offset, int limit) {
        return tasks.values().stream().filter(t -> t.accountId().equals(accountId)).skip(offset).limit(limit).toList();
    }

    @Override
    public long count(String accountId) {
        return list(accountId, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public List<TaskRegistry> registries(RegistryQuery query) {
        return tasks.get(query.taskId()).registries();
    }

    @Override
    public long countRegistries(RegistryQuery query) {
        return registries(query).size();
    }

    @Override
    public void finish(long taskId, long registryId, String status, String failedReason, int totalNum, Instant now) {
        change(taskId, registryId, r -> new TaskRegistry(taskId, registryId, r.registryName(), r.registryType(), status,
                failedReason, totalNum));
    }

    @Override
    public void progress(long taskId, long registryId, int found, Instant now) {
        change(taskId, registryId, r -> new TaskRegistry(taskId, registryId, r.registryName(), r.registryType(),
                r.syncStatus(), r.failedReason(), found));
    }

    private void change(long taskId, long registryId, java.util.function.UnaryOperator<TaskRegistry> how) {
        SyncTask t = tasks.get(taskId);
        List<TaskRegistry> changed = new ArrayList<>();
        for (TaskRegistry r : t.registries()) {
            changed.add(r.registryId() == registryId ? how.apply(r) : r);
        }
        tasks.put(taskId, new SyncTask(taskId, t.accountId(), t.createdBy(), t.createdAt(), changed));
    }

    @Override
    public List<Long> runningRegistryIds(String accountId) {
        return tasks.values().stream().filter(t -> t.accountId().equals(accountId))
                .flatMap(t -> t.registries().stream()).filter(r -> r.syncStatus().equals(TaskRegistry.RUNNING))
                .map(TaskRegistry::registryId).toList();
    }

    @Override
    public List<SyncTask> unfinished() {
        return tasks.values().stream().filter(t -> t.registries().stream()
                .anyMatch(r -> r.syncStatus().equals(TaskRegistry.RUNNING))).toList();
    }

    @Override
    public void upsertImages(String accountId, SyncRegistry registry, List<RemoteImage> found, Instant now) {
        found.forEach(i -> images.put(registry.id() + "/" + i.repository() + ":" + i.tag(), new Seen(registry.id(), i, now)));
    }

    @Override
    public int removeUnseen(long registryId, Instant walkStart) {
        List<String> gone = images.entrySet().stream()
                .filter(e -> e.getValue().registryId() == registryId && e.getValue().at().isBefore(walkStart))
                .map(Map.Entry::getKey).toList();
        gone.forEach(images::remove);
        return gone.size();
    }
}
