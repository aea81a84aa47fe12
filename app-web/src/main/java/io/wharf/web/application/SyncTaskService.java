package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ScanCriteria;
import io.wharf.domain.asset.ImageAssets;
import io.wharf.domain.asset.ImageType;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.RegistryQuery;
import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.RemoteRegistryClient;
import io.wharf.domain.sync.SyncFailure;
import io.wharf.domain.sync.SyncRegistries;
import io.wharf.domain.sync.SyncRegistry;
import io.wharf.domain.sync.SyncTask;
import io.wharf.domain.sync.SyncTasks;
import io.wharf.domain.sync.TaskRegistry;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Image-sync tasks: a task walks some of the account's registries in the background, on the server's managed executor,
 * one after another. A remote registry is read through the {@link RemoteRegistryClient} and its images stored in
 * batches as they are found; this Wharf's own registries (SwrPrivate, SwrShared) need no copy, so their task counts
 * what the image list already shows. Each registry ends {@code finished} with its image count or {@code failed} with a reason a person
 * understands. On start-up, registries a stopped server left {@code running} are walked again.
 */
@ApplicationScoped
public class SyncTaskService {
    static final String REMOVED = "The registry was removed while the task waited to resume after a restart.";
    /** Images stored per transaction while walking a remote registry. */
    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(SyncTaskService.class.getName());

    @Inject
    SyncTasks tasks;
    @Inject
    SyncRegistries registries;
    @Inject
    ImageAssets assets;
    @Inject
    SecretCipher cipher;
    @Inject
    RemoteRegistryClient client;
    @Inject
    SyncTaskService self;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    java.util.concurrent.ScheduledExecutorService scheduler;
    @Inject
    ClusterNode node;
    /** A task's lease: a node that dies mid-walk leaves the task to another after this long. */
    private static final Duration TASK_LEASE = Duration.ofMinutes(30);
    private final java.util.Set<Long> runningHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    protected SyncTaskService() {
    }

    /** For tests over in-memory ports: its own proxy is itself, and walks run on the given executor. */
    SyncTaskService(SyncTasks tasks, SyncRegistries registries, ImageAssets assets, SecretCipher cipher,
                    RemoteRegistryClient client, ExecutorService executor) {
        this.tasks = tasks;
        this.registries = registries;
        this.assets = assets;
        this.cipher = cipher;
        this.client = client;
        this.executor = executor;
        this.self = this;
    }

    /**
     * After the schema migration (which runs first, at platform priority): the registries a stopped server left
     * {@code running} are walked again from the start. What the interrupted walk stored stays (storing is an upsert),
     * and a walk that finishes drops only what the registry no longer holds.
     */
    void resume(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup started) {
        takeOverInterrupted();
        if (scheduler != null) {
            scheduler.scheduleWithFixedDelay(this::takeOverInterrupted, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * Tasks no node runs — a task runs under its lease, so a task whose lease is free was left by a node that stopped or
     * died — are walked again here. Tasks running on this node are left alone.
     */
    private void takeOverInterrupted() {
        try {
            List<SyncTask> unfinished = self.unfinished().stream().filter(t -> !runningHere.contains(t.id())).toList();
            int resumed = 0;
            for (SyncTask task : unfinished) {
                if (node == null || node.take(leaseOf(task), null, TASK_LEASE)) {
                    resume(task);
                    resumed++;
                }
            }
            int count = resumed;
            if (count > 0) {
                LOG.info(() -> count + " interrupted sync tasks resumed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Interrupted sync tasks not looked for (the database may be away)", e);
        }
    }

    private static String leaseOf(SyncTask task) {
        return "sync-task:" + task.id();
    }

    @UseCase
    public List<SyncTask> unfinished() {
        return tasks.unfinished();
    }

    private void resume(SyncTask task) {
        List<SyncRegistry> remaining = new ArrayList<>();
        for (TaskRegistry interrupted : task.registries()) {
            if (!interrupted.syncStatus().equals(TaskRegistry.RUNNING)) {
                continue;
            }
            self.registry(task.accountId(), interrupted.registryId()).ifPresentOrElse(remaining::add,
                    () -> self.finish(task.id(), interrupted.registryId(), TaskRegistry.FAILED, REMOVED, 0));
        }
        executor.submit(() -> run(task, remaining));
    }

    @UseCase
    public Optional<SyncRegistry> registry(String accountId, long registryId) {
        return registries.byId(accountId, registryId);
    }

    /** Starts a task over every registry of the account, or over the listed ones. */
    public SyncTask create(Caller caller, boolean all, Collection<Long> registryIds) {
        if (!caller.accountAdministrator()) {
            throw WharfException.forbidden("Only the account's administrators start sync tasks.");
        }
        Started started = self.createRows(caller, all, registryIds);
        executor.submit(() -> run(started.task(), started.registries()));
        return started.task();
    }

    /**
     * A stored task and the registries it walks. Public: with a package-private return type, Weld ran createRows
     * without its transaction.
     */
    public record Started(SyncTask task, List<SyncRegistry> registries) {
    }

    /**
     * Stores the task over the chosen registries, in one transaction with the checks: every listed registry is the
     * account's, and none is still being synced by another task (two walks would race on its images).
     */
    @UseCase
    public Started createRows(Caller caller, boolean all, Collection<Long> registryIds) {
        List<SyncRegistry> chosen = registries.list(caller.accountId()).stream()
                .filter(r -> all || registryIds.contains(r.id())).toList();
        if (chosen.isEmpty() || (!all && chosen.size() != registryIds.stream().distinct().count())) {
            throw WharfException.unknownReference(Subject.SYNC_REGISTRY, "registry_info", all ? "The account has no registries to sync."
                    : "registry_info names registries the account does not have: " + registryIds);
        }
        List<Long> busy = tasks.runningRegistryIds(caller.accountId());
        List<String> refused = chosen.stream().filter(r -> busy.contains(r.id())).map(SyncRegistry::name).toList();
        if (!refused.isEmpty()) {
            throw WharfException.busy(Subject.SYNC_TASK, "A sync task is still syncing " + String.join(", ", refused)
                    + "; start a new one when it has ended.");
        }
        return new Started(tasks.create(caller.accountId(), caller.userId(), chosen, now()), chosen);
    }

    /** Walks the task's registries under its lease (taken here when not yet taken), which is given back at the end. */
    private void run(SyncTask task, List<SyncRegistry> chosen) {
        runningHere.add(task.id());
        try {
            if (node != null && !node.take(leaseOf(task), null, TASK_LEASE)) {
                return;
            }
            walkAll(task, chosen);
        } finally {
            runningHere.remove(task.id());
            if (node != null) {
                node.end(leaseOf(task), true);
            }
        }
    }

    private void walkAll(SyncTask task, List<SyncRegistry> chosen) {
        for (SyncRegistry registry : chosen) {
            try {
                if (registry.type().remote()) {
                    walk(task, registry, task.accountId());
                } else {
                    self.finish(task.id(), registry.id(), TaskRegistry.FINISHED, "",
                            self.countOwn(task.accountId(), registry.type()));
                }
            } catch (SyncFailure failure) {
                if (failure.reason() != SyncFailure.Reason.CANCELLED) {
                    self.finish(task.id(), registry.id(), TaskRegistry.FAILED, failure.getMessage(), 0);
                }
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "Sync of registry " + registry.name() + " failed", unexpected);
                self.finish(task.id(), registry.id(), TaskRegistry.FAILED,
                        "An unexpected error stopped the sync; the server log has the details.", 0);
            }
        }
    }

    /**
     * Walks a remote registry, storing what it finds in batches (one transaction each, which also shows the count so
     * far); a finished walk drops the images the registry no longer holds. A failed walk keeps what earlier walks
     * stored.
     */
    private void walk(SyncTask task, SyncRegistry registry, String accountId) {
        Instant started = now();
        String password = registry.sealedPassword().isEmpty() ? null : cipher.decrypt(registry.sealedPassword());
        List<RemoteImage> batch = new ArrayList<>();
        int[] stored = {0};
        int total = client.walk(registry.url(), registry.username(), password, executor, image -> {
            batch.add(image);
            if (batch.size() == BATCH) {
                stored[0] += batch.size();
                self.store(task.id(), accountId, registry, batch, stored[0]);
                batch.clear();
            }
        });
        self.store(task.id(), accountId, registry, batch, stored[0] + batch.size());
        self.complete(task.id(), accountId, registry.id(), total, started);
    }

    /**
     * Stops a task: its registries still being walked end failed, "cancelled by" the caller; what their walks stored
     * so far stays (the next task finishes it). The walks stop at their next batch. Says how many were stopped.
     */
    @UseCase
    public int cancel(Caller caller, long taskId) {
        if (!caller.accountAdministrator()) {
            throw WharfException.forbidden("Only the account's administrators cancel sync tasks.");
        }
        SyncTask task = tasks.byId(caller.accountId(), taskId).orElseThrow(() -> WharfException.notFound(
                Subject.SYNC_TASK, "The sync task " + taskId + " does not exist."));
        int stopped = 0;
        for (TaskRegistry registry : task.registries()) {
            if (registry.syncStatus().equals(TaskRegistry.RUNNING)) {
                tasks.finish(taskId, registry.registryId(), TaskRegistry.FAILED, "Cancelled by " + caller.userName() + ".",
                        registry.totalNum(), now());
                stopped++;
            }
        }
        return stopped;
    }

    /** A walk goes on only while its task's row for the registry still says running (a cancel ends it). */
    private void requireRunning(long taskId, String accountId, long registryId) {
        boolean running = tasks.byId(accountId, taskId).stream().flatMap(t -> t.registries().stream())
                .anyMatch(r -> r.registryId() == registryId && r.syncStatus().equals(TaskRegistry.RUNNING));
        if (!running) {
            throw new SyncFailure(SyncFailure.Reason.CANCELLED, "The sync task was cancelled.");
        }
    }

    @UseCase
    public void store(long taskId, String accountId, SyncRegistry registry, List<RemoteImage> images, int foundSoFar) {
        requireRunning(taskId, accountId, registry.id());
        if (registries.byId(accountId, registry.id()).isEmpty()) {
            throw new SyncFailure(SyncFailure.Reason.REGISTRY_REMOVED, "The registry was removed during the sync.");
        }
        Instant now = now();
        tasks.upsertImages(accountId, registry, images, now);
        tasks.progress(taskId, registry.id(), foundSoFar, now);
    }

    @UseCase
    public void complete(long taskId, String accountId, long registryId, int total, Instant walkStart) {
        requireRunning(taskId, accountId, registryId);
        tasks.removeUnseen(registryId, walkStart);
        tasks.finish(taskId, registryId, TaskRegistry.FINISHED, "", total, now());
    }

    @UseCase
    public int countOwn(String accountId, RegistryType type) {
        ImageType images = type == RegistryType.SwrShared ? ImageType.SHARED_IMAGE : ImageType.PRIVATE_IMAGE;
        return (int) assets.count(new AssetQuery(accountId, null, images, null, null, null, false, null, null,
                null, Instant.now(), 0, 1, ScanCriteria.NONE));
    }

    @UseCase
    public void finish(long taskId, long registryId, String status, String reason, int total) {
        tasks.finish(taskId, registryId, status, reason, total, now());
    }

    @UseCase
    public Page<SyncTask> list(Caller caller, int offset, int limit) {
        return new Page<>(tasks.list(caller.accountId(), offset, limit), tasks.count(caller.accountId()));
    }

    /** Page 004: a task's registries, filtered; another account's task looks missing. */
    @UseCase
    public Page<TaskRegistry> registries(Caller caller, RegistryQuery query) {
        tasks.byId(caller.accountId(), query.taskId()).orElseThrow(() -> WharfException.notFound(Subject.SYNC_TASK,
                "The sync task " + query.taskId() + " does not exist."));
        return new Page<>(tasks.registries(query), tasks.countRegistries(query));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
