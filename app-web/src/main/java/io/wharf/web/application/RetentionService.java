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
 * tag still names stays; garbage collection then frees the layers. Every removal is recorded.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());
    private static final int ALL_TAGS = 1_000_000;

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

    protected RetentionService() {
    }

    /** For tests over in-memory ports: its own proxy is itself. */
    RetentionService(Retentions retentions, RepositoryAccess access, ImageRepositories repositories, ImageTags tags,
                     Manifests manifests) {
        this.retentions = retentions;
        this.access = access;
        this.repositories = repositories;
        this.tags = tags;
        this.manifests = manifests;
        this.self = this;
    }

    @Inject
    ClusterNode node;

    void schedule(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long hours = Long.parseLong(WharfSettings.value("WHARF_RETENTION_INTERVAL_HOURS").orElse("24"));
        if (hours > 0) {
            Duration interval = Duration.ofHours(hours).minusMinutes(5);
            scheduler.scheduleWithFixedDelay(() -> node.once("retention", interval, Duration.ofHours(1), this::runAll),
                    hours, hours, TimeUnit.HOURS);
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

    /** Runs a policy now; a dry run only says which tags it would remove. */
    @UseCase
    public List<String> execute(Caller caller, String namespace, String repository, long id, boolean dryRun) {
        ImageRepository found = manage(caller, namespace, repository);
        return apply(found, policy(found, id), dryRun);
    }

    /** The scheduled run: every policy, each in its own transaction; one that fails leaves the others to run. */
    void runAll() {
        for (RetentionPolicy policy : self.allPolicies()) {
            try {
                self.applyScheduled(policy);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention policy " + policy.id() + " failed", e);
            }
        }
    }

    @UseCase
    public List<RetentionPolicy> allPolicies() {
        return retentions.all();
    }

    @UseCase
    public List<String> applyScheduled(RetentionPolicy policy) {
        return repositories.byId(policy.repositoryId()).map(repository -> apply(repository, policy, false))
                .orElse(List.of());
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
