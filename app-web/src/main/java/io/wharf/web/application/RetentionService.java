package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.repository.TagQuery;
import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.domain.retention.Retentions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Image retention policies: a repository's managers (7) set them, its readers see them; they run on a schedule
 * ({@code WHARF_RETENTION_INTERVAL_HOURS}, default 24) and on demand (with a dry run). A run removes tags; an image
 * whose last tag it removed goes too (pulls by its digest then find nothing, as after a delete), while an image another
 * tag still names stays; garbage collection then frees the layers. Every removal is recorded. A run asked for works in
 * the background on the managed executor — one per repository, {@link RetentionRun#MAX_RUNNING_PER_ACCOUNT} per account
 * — and is followed as a {@link RetentionRun}; a run a stopped server left running ends failed at the next start.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());
    private static final int ALL_TAGS = 1_000_000;
    /** The operator name of the runs the schedule starts. */
    static final String SCHEDULE = "schedule";

    @Inject
    Retentions retentions;
    @Inject
    RepositoryAccess access;
    @Inject
    ImageRepositories repositories;
    @Inject
    ImageTags tags;
    @Inject
    Manifests manifests;
    @Inject
    RetentionService self;
    @Inject
    WharfSettings settings;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    java.util.concurrent.ExecutorService executor;

    protected RetentionService() {
    }

    /** For tests over in-memory ports: its own proxy is itself; runs start on {@code executor}. */
    RetentionService(Retentions retentions, RepositoryAccess access, ImageRepositories repositories, ImageTags tags,
                     Manifests manifests, java.util.concurrent.ExecutorService executor) {
        this.executor = executor;
        this.node = new ClusterNode("local", null, null);
        this.retentions = retentions;
        this.access = access;
        this.repositories = repositories;
        this.tags = tags;
        this.manifests = manifests;
        this.self = this;
    }

    @Inject
    ClusterNode node;

    /**
     * Runs asked for on this server go one after another, on the managed executor without holding a thread while they
     * wait: a run's matching is CPU work, and requests keep the other cores. Accounts are bounded in the database.
     */
    private java.util.concurrent.CompletableFuture<Void> lane = java.util.concurrent.CompletableFuture.completedFuture(null);
    /** The periodic tasks this bean started, cancelled when the application stops. */
    private final List<java.util.concurrent.ScheduledFuture<?>> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();

    @jakarta.annotation.PreDestroy
    void cancelSchedules() {
        scheduled.forEach(task -> task.cancel(false));
    }

    void schedule(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduled.add(scheduler.scheduleWithFixedDelay(this::endInterrupted, 5, 60, TimeUnit.SECONDS));
        long hours = Long.parseLong(WharfSettings.value("WHARF_RETENTION_INTERVAL_HOURS").orElse("24"));
        if (hours > 0) {
            Duration interval = Duration.ofHours(hours).minusMinutes(5);
            scheduled.add(scheduler.scheduleWithFixedDelay(() -> node.once("retention", interval, Duration.ofHours(1),
                    this::runAll), hours, hours, TimeUnit.HOURS));
        }
    }

    @UseCase
    public RetentionPolicy create(Caller caller, String namespace, String repository, String algorithm,
                                  List<RetentionRule> rules) {
        ImageRepository found = manage(caller, namespace, repository);
        check(algorithm, rules);
        if (retentions.of(found.id()).size() >= RetentionPolicy.MAX_PER_REPOSITORY) {
            throw WharfException.limitReached(Subject.RETENTION, "A repository holds at most "
                    + RetentionPolicy.MAX_PER_REPOSITORY + " retention policies; add rules to one of them.");
        }
        return retentions.add(found.id(), algorithm, rules);
    }

    @UseCase
    public List<RetentionPolicy> list(Caller caller, String namespace, String repository) {
        return retentions.of(access.locate(caller, namespace, repository).repository().id());
    }

    @UseCase
    public RetentionPolicy show(Caller caller, String namespace, String repository, long id) {
        return policy(access.locate(caller, namespace, repository).repository(), id);
    }

    /** The rules' templates stay as they were (the reference: a rule's template cannot be changed). */
    @UseCase
    public RetentionPolicy update(Caller caller, String namespace, String repository, long id, String algorithm,
                                  List<RetentionRule> rules) {
        RetentionPolicy existing = policy(manage(caller, namespace, repository), id);
        check(algorithm, rules);
        for (int i = 0; i < rules.size(); i++) {
            if (i >= existing.rules().size() || !rules.get(i).template().equals(existing.rules().get(i).template())) {
                throw WharfException.invalid("rules[" + i + "].template", "rules[" + i + "].template cannot be changed;"
                        + " delete the policy and create another.");
            }
        }
        RetentionPolicy changed = new RetentionPolicy(id, existing.repositoryId(), algorithm, rules);
        retentions.update(changed);
        return changed;
    }

    @UseCase
    public void delete(Caller caller, String namespace, String repository, long id) {
        ImageRepository found = manage(caller, namespace, repository);
        if (!retentions.remove(found.id(), id)) {
            throw notFound(id);
        }
    }

    @UseCase
    public Page<RetentionRecord> histories(Caller caller, String namespace, String repository, PageRequest page) {
        long repositoryId = access.locate(caller, namespace, repository).repository().id();
        return new Page<>(retentions.records(repositoryId, page.offset(), page.limit()), retentions.countRecords(repositoryId));
    }

    /** Runs a stopped server left running (its lease on its name ran out) end failed, saying why. */
    private void endInterrupted() {
        try {
            int interrupted = self.failInterrupted();
            if (interrupted > 0) {
                LOG.info(() -> interrupted + " retention runs a stopped server left running were marked failed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Interrupted retention runs not looked for (the database may be away)", e);
        }
    }

    @UseCase
    public int failInterrupted() {
        return retentions.failInterrupted(Instant.now().truncatedTo(ChronoUnit.MICROS),
                "The server stopped during the run; tags removed before it stopped are in the history.");
    }

    /**
     * Starts a run of a policy (a dry run only says which tags it would remove) and answers it at once, running: it
     * works in the background, off the caller's request, and is followed with {@link #run}.
     */
    public RetentionRun execute(Caller caller, String namespace, String repository, long id, boolean dryRun) {
        RetentionRun started = self.begin(caller, namespace, repository, id, dryRun);
        synchronized (this) {
            // A failed stage (the executor refusing work while the server stops) must not stop the runs after it.
            lane = lane.handle((done, failure) -> null).thenRunAsync(() -> perform(started), executor);
        }
        return started;
    }

    @UseCase
    public RetentionRun begin(Caller caller, String namespace, String repository, long id, boolean dryRun) {
        ImageRepository found = manage(caller, namespace, repository);
        policy(found, id);
        return retentions.startRun(new RetentionRun(0, id, found.id(), found.accountId(), dryRun, RetentionRun.RUNNING,
                List.of(), 0, "", caller.userName(), now(), null), node.id());
    }

    private void perform(RetentionRun run) {
        RetentionRun outcome;
        try {
            outcome = run.done(self.applyRun(run), now());
        } catch (WharfException refused) {
            outcome = run.failed(refused.getMessage(), now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run " + run.id() + " failed", e);
            outcome = run.failed("The run failed (" + e.getClass().getSimpleName() + "); nothing was removed.", now());
        }
        try {
            self.finish(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of retention run " + run.id(), e);
        }
    }

    /** The run's work, in one transaction: every removal with its record, or none. */
    @UseCase
    public List<String> applyRun(RetentionRun run) {
        ImageRepository repository = repositories.byId(run.repositoryId()).orElseThrow(() -> WharfException.notFound(
                Subject.REPOSITORY, "The repository was deleted during the run."));
        return apply(repository, policy(repository, run.retentionId()), run.dryRun());
    }

    @UseCase
    public void finish(RetentionRun run) {
        retentions.finishRun(run);
    }

    /** A run as it is now; readers (1) of the repository follow it. */
    @UseCase
    public RetentionRun run(Caller caller, String namespace, String repository, long retentionId, long runId) {
        ImageRepository found = access.locate(caller, namespace, repository).repository();
        return retentions.run(found.id(), runId).filter(r -> r.retentionId() == retentionId)
                .orElseThrow(() -> WharfException.notFound(Subject.RETENTION, "There is no run " + runId
                        + " of retention policy " + retentionId + "."));
    }

    /** The repository's latest runs, newest first. */
    @UseCase
    public List<RetentionRun> runs(Caller caller, String namespace, String repository, int limit) {
        return retentions.runs(access.locate(caller, namespace, repository).repository().id(), limit);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The scheduled run: every policy, each in its own transaction; one that fails leaves the others to run. */
    void runAll() {
        for (RetentionPolicy policy : self.allPolicies()) {
            try {
                self.beginScheduled(policy).ifPresent(this::perform);
            } catch (WharfException busy) {
                // A run asked for is under way on the repository: it applies the same policy, and two would record
                // each removal twice. The schedule comes back.
                LOG.fine(() -> "Scheduled retention policy " + policy.id() + " skipped: " + busy.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention policy " + policy.id() + " failed", e);
            }
        }
    }

    @UseCase
    public List<RetentionPolicy> allPolicies() {
        return retentions.all();
    }

    /** The schedule's run of a policy, kept as any run is; refused (busy) while another run of the repository works. */
    @UseCase
    public java.util.Optional<RetentionRun> beginScheduled(RetentionPolicy policy) {
        return repositories.byId(policy.repositoryId()).map(repository -> retentions.startRun(new RetentionRun(0,
                policy.id(), repository.id(), repository.accountId(), false, RetentionRun.RUNNING, List.of(), 0, "",
                SCHEDULE, now(), null), node.id()));
    }

    private List<String> apply(ImageRepository repository, RetentionPolicy policy, boolean dryRun) {
        List<ImageTag> all = tags.list(new TagQuery(repository.id(), null, true, true, 0, ALL_TAGS));
        Map<String, ImageTag> byName = all.stream().collect(java.util.stream.Collectors.toMap(ImageTag::tag, t -> t));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, RetentionRule> removals = policy.removals(all.stream()
                .map(t -> new RetentionRule.TagAge(t.tag(), t.updatedAt())).toList(), now);
        List<String> removed = new ArrayList<>(removals.keySet());
        if (!dryRun) {
            removals.forEach((tag, rule) -> {
                ImageTag removedTag = byName.get(tag);
                tags.remove(repository, removedTag);
                forgetIfUntagged(repository, removedTag.digest());
                retentions.record(new RetentionRecord(0, policy.id(), repository.namespace().value(),
                        repository.name().value(), tag, rule.json(), now));
            });
        }
        return removed;
    }

    /**
     * An image no tag names any more goes with its last tag (and the artifacts that refer to it, such as its SBOM), so
     * that garbage collection frees its layers; an image another tag still names stays.
     */
    private void forgetIfUntagged(ImageRepository repository, String digest) {
        if (!tags.byDigest(repository.id(), digest).isEmpty()) {
            return;
        }
        for (StoredManifest referrer : manifests.referrers(repository.id(), digest, null)) {
            manifests.remove(referrer);
        }
        manifests.byDigest(repository.id(), digest).ifPresent(manifests::remove);
    }

    private RetentionPolicy policy(ImageRepository repository, long id) {
        return retentions.byId(repository.id(), id).orElseThrow(() -> notFound(id));
    }

    private ImageRepository manage(Caller caller, String namespace, String repository) {
        return access.locate(caller, namespace, repository).require(Permission.MANAGE).repository();
    }

    private static void check(String algorithm, List<RetentionRule> rules) {
        if (!RetentionPolicy.OR.equals(algorithm)) {
            throw WharfException.invalid("algorithm", "algorithm must be or.");
        }
        if (rules == null || rules.isEmpty()) {
            throw WharfException.invalid("rules", "rules needs at least one rule.");
        }
    }

    private static WharfException notFound(long id) {
        return WharfException.notFound(Subject.RETENTION, "There is no retention policy " + id + " on this repository.");
    }
}
