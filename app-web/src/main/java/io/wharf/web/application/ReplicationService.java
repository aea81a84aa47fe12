package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.BlobStore;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.replication.ImagePusher;
import io.wharf.domain.replication.Region;
import io.wharf.domain.replication.RegionGrant;
import io.wharf.domain.replication.RemoteTag;
import io.wharf.domain.replication.Replications;
import io.wharf.domain.replication.SyncJob;
import io.wharf.domain.replication.SyncRepo;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.sync.SyncFailure;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replication to other sites. Wharf's administrators declare regions (a registry URL, credentials sealed) and grant
 * accounts the remote organizations each may write there; a repository's managers (7) sync it into a granted
 * organization automatically after each push and copy chosen tags by hand; its readers see the syncs and jobs. A tag
 * at a site belongs to the account whose job wrote it first: no other account's job replaces it. Jobs run on the managed executor, {@link #SLOTS} at a time, after the push
 * that queued them has answered. A region that cannot be reached is tried again later (×4 waits from
 * {@code WHARF_SYNC_RETRY_SECONDS}, default 30) before the job fails with the reason; a job a stopped server left
 * running waits again at the next start.
 */
@ApplicationScoped
public class ReplicationService {
    private static final Logger LOG = Logger.getLogger(ReplicationService.class.getName());
    static final int SLOTS = 2;
    private static final int MAX_TAGS = 100;

    @Inject
    Replications replications;
    @Inject
    Accounts accounts;
    @Inject
    RepositoryAccess access;
    @Inject
    ImageRepositories repositories;
    @Inject
    ImageTags tags;
    @Inject
    Manifests manifests;
    @Inject
    BlobStore store;
    @Inject
    SecretCipher cipher;
    @Inject
    ImagePusher pusher;
    @Inject
    ReplicationService self;
    @Inject
    ClusterNode node;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    /** The periodic tasks this bean started, cancelled when the application stops. */
    private final java.util.List<java.util.concurrent.ScheduledFuture<?>> scheduled =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final WorkSlots slots = new WorkSlots(SLOTS);
    /** Whether a repository syncs anywhere automatically, as every push of it asks. */
    private final ShortCache<Long, Boolean> syncsAutomatically = new ShortCache<>();
    /** Absent in tests over in-memory ports that do not exercise them. */
    @Inject
    PullPolicyService pullPolicy;
    @Inject
    io.wharf.domain.sync.OutboundPolicy outbound;
    private Duration retryBase = Duration.ofSeconds(30);

    protected ReplicationService() {
    }

    /** For tests over in-memory ports: jobs run when the test calls {@link #runDue()} on {@code executor}. */
    ReplicationService(Replications replications, Accounts accounts, RepositoryAccess access,
                       ImageRepositories repositories, ImageTags tags, Manifests manifests, BlobStore store,
                       SecretCipher cipher, ImagePusher pusher, ExecutorService executor, Duration retryBase) {
        this.replications = replications;
        this.accounts = accounts;
        this.access = access;
        this.repositories = repositories;
        this.tags = tags;
        this.manifests = manifests;
        this.store = store;
        this.cipher = cipher;
        this.pusher = pusher;
        this.executor = executor;
        this.retryBase = retryBase;
        this.self = this;
        this.node = new ClusterNode("local", null, null);
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 30) Startup started) {
        retryBase = Duration.ofSeconds(Long.parseLong(WharfSettings.value("WHARF_SYNC_RETRY_SECONDS").orElse("30")));
        takeOverInterrupted();
        scheduled.add(scheduler.scheduleWithFixedDelay(this::runDue, 2, 2, TimeUnit.SECONDS));
        scheduled.add(scheduler.scheduleWithFixedDelay(this::takeOverInterrupted, 30, 30, TimeUnit.SECONDS));
    }

    /** Sync jobs a node left running when it died (its lease ran out) wait again, to be run by any node. */
    private void takeOverInterrupted() {
        try {
            int requeued = self.requeueInterrupted();
            if (requeued > 0) {
                LOG.info(() -> requeued + " interrupted sync jobs queued again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Interrupted sync jobs not looked for (the database may be away)", e);
        }
    }

    @UseCase
    public int requeueInterrupted() {
        return replications.requeueRunning(now());
    }

    // Regions: Wharf's administrators declare them and see their details; an account sees the regions it was granted,
    // by id only (the address and user name of a site are the administrators' business).

    @UseCase
    public Region addRegion(Caller caller, String id, String url, String username, String password) {
        requireAdministrator(caller);
        Region.validate(id, url, username, password);
        if (outbound != null) {
            outbound.requireReachable("url", url);
        }
        Region region = new Region(id, url, username == null || username.isEmpty() ? null : username,
                password == null || password.isEmpty() ? null : cipher.encrypt(password), now());
        replications.addRegion(region);
        return region;
    }

    @UseCase
    public List<Region> regions(Caller caller) {
        if (caller.systemAdministrator()) {
            return replications.regions();
        }
        return replications.regions().stream()
                .filter(r -> replications.grants(r.id()).stream().anyMatch(g -> g.accountId().equals(caller.accountId())))
                .map(r -> new Region(r.id(), null, null, null, r.createdAt())).toList();
    }

    /** A region's grants: all of them for administrators, the caller's account's own for everyone else. */
    @UseCase
    public List<RegionGrant> grants(Caller caller, String regionId) {
        region(regionId);
        return replications.grants(regionId).stream()
                .filter(g -> caller.systemAdministrator() || g.accountId().equals(caller.accountId())).toList();
    }

    @UseCase
    public RegionGrant grant(Caller caller, String regionId, String accountName, String namespaces) {
        requireAdministrator(caller);
        region(regionId);
        Account account = account(accountName);
        if (replications.grants(regionId).size() >= RegionGrant.MAX_PER_REGION) {
            throw WharfException.limitReached(Subject.SYNC_REPO, "A region holds at most " + RegionGrant.MAX_PER_REGION
                    + " grants; grant prefixes rather than single organizations.");
        }
        RegionGrant grant = new RegionGrant(regionId, account.id(), account.name().value(), namespaces, now());
        replications.addGrant(grant);
        return grant;
    }

    @UseCase
    public void revoke(Caller caller, String regionId, String accountName, String namespaces) {
        requireAdministrator(caller);
        region(regionId);
        if (!replications.removeGrant(regionId, account(accountName).id(), namespaces)) {
            throw WharfException.notFound(Subject.SYNC_REPO, "The account " + accountName + " holds no grant "
                    + namespaces + " at " + regionId + ".");
        }
    }

    private Account account(String name) {
        if (name == null || name.isEmpty()) {
            throw WharfException.invalid("account", "account is required: the name of the account granted.");
        }
        AccountName parsed;
        try {
            parsed = new AccountName(name);
        } catch (WharfException e) {
            throw WharfException.invalid("account", "account is not an account name: " + e.getMessage());
        }
        return accounts.byName(parsed).orElseThrow(() -> WharfException.unknownReference(Subject.ACCOUNT, "account",
                "There is no account " + name + "."));
    }

    /** Refuses, in the SWR shape (403), a remote organization the repository's account holds no grant for. */
    private void requireGrant(String accountId, String regionId, String remoteNamespace) {
        if (!granted(accountId, regionId, remoteNamespace)) {
            throw WharfException.forbidden("The account may not write into " + remoteNamespace + " at " + regionId
                    + ": Wharf's administrators grant each account the organizations it may write at a region.");
        }
    }

    private boolean granted(String accountId, String regionId, String remoteNamespace) {
        return replications.grants(regionId).stream()
                .anyMatch(g -> g.accountId().equals(accountId) && g.covers(remoteNamespace));
    }

    @UseCase
    public void removeRegion(Caller caller, String id) {
        requireAdministrator(caller);
        if (!replications.removeRegion(id)) {
            throw WharfException.notFound(Subject.SYNC_REPO, "There is no region " + id + ".");
        }
    }

    // A repository's syncs and jobs.

    @UseCase
    public SyncRepo createSyncRepo(Caller caller, String namespace, String repository, String regionId,
                                   String remoteNamespace, Boolean syncAuto, Boolean override) {
        ImageRepository found = manage(caller, namespace, repository);
        region(regionId);
        String target = remoteNamespace(remoteNamespace);
        requireGrant(found.accountId(), regionId, target);
        SyncRepo sync = new SyncRepo(0, found.id(), namespace, found.name().value(), found.accountId(), caller.accountName(),
                regionId, target, !Boolean.FALSE.equals(syncAuto), Boolean.TRUE.equals(override), now(), now());
        replications.addSyncRepo(sync);
        syncsAutomatically.forget(found.id());
        return sync;
    }

    @UseCase
    public List<SyncRepo> syncRepos(Caller caller, String namespace, String repository) {
        return replications.syncRepos(access.locate(caller, namespace, repository).repository().id());
    }

    @UseCase
    public void deleteSyncRepo(Caller caller, String namespace, String repository, String regionId, String remoteNamespace) {
        ImageRepository found = manage(caller, namespace, repository);
        syncsAutomatically.forget(found.id());
        if (regionId == null || remoteNamespace == null
                || !replications.removeSyncRepo(found.id(), regionId, remoteNamespace)) {
            throw WharfException.notFound(Subject.SYNC_REPO, "The repository does not sync to " + regionId + "/"
                    + remoteNamespace + ".");
        }
    }

    /** Queues a copy of each tag; answers the tags queued. */
    @UseCase
    public List<String> syncTags(Caller caller, String namespace, String repository, String regionId,
                                 String remoteNamespace, List<String> imageTags, Boolean override) {
        ImageRepository found = manage(caller, namespace, repository);
        region(regionId);
        String target = remoteNamespace(remoteNamespace);
        requireGrant(found.accountId(), regionId, target);
        if (imageTags == null || imageTags.isEmpty() || imageTags.size() > MAX_TAGS) {
            throw WharfException.invalid("imageTag", "imageTag must list 1 to " + MAX_TAGS + " tags.");
        }
        for (String tag : imageTags) {
            if (tag == null || tags.byTag(found.id(), tag).isEmpty()) {
                throw WharfException.notFound(Subject.IMAGE, "The repository has no tag " + tag + ".");
            }
        }
        Instant now = now();
        for (String tag : imageTags.stream().distinct().toList()) {
            replications.addJob(job(found, caller, regionId, target, tag, Boolean.TRUE.equals(override), now));
        }
        wake();
        return imageTags.stream().distinct().toList();
    }

    @UseCase
    public Page<SyncJob> jobs(Caller caller, String namespace, String repository, String status, String tag,
                              PageRequest page) {
        long id = access.locate(caller, namespace, repository).repository().id();
        return new Page<>(replications.jobs(id, status, tag, page.offset(), page.limit()),
                replications.countJobs(id, status, tag));
    }

    /** After a push of a tag: a job for each automatic sync of the repository. */
    public void pushed(Caller caller, RegistryPath path, String tag, StoredManifest manifest) {
        if (tag != null && syncsAutomatically.get(manifest.repositoryId(), id -> self.syncsAutomatically(id))
                && self.queueAutomatic(caller, tag, manifest.repositoryId()) > 0) {
            wake();
        }
    }

    @UseCase
    public boolean syncsAutomatically(long repositoryId) {
        return replications.syncRepos(repositoryId).stream().anyMatch(SyncRepo::syncAuto);
    }

    @UseCase
    public int queueAutomatic(Caller caller, String tag, long repositoryId) {
        List<SyncRepo> automatic = replications.syncRepos(repositoryId).stream().filter(SyncRepo::syncAuto).toList();
        if (automatic.isEmpty()) {
            return 0;
        }
        ImageRepository repository = repositories.byId(repositoryId).orElseThrow();
        Instant now = now();
        automatic.forEach(s -> replications.addJob(job(repository, caller, s.regionId(), s.remoteNamespace(), tag,
                s.override(), now)));
        return automatic.size();
    }

    private static SyncJob job(ImageRepository repository, Caller caller, String regionId, String remoteNamespace,
                               String tag, boolean override, Instant now) {
        return new SyncJob(0, repository.id(), repository.namespace().value(), repository.name().value(),
                repository.accountId(), caller.accountName(), regionId, remoteNamespace, tag, override, SyncJob.WAITING, "",
                0, caller.userId(), caller.userName(), now, now, now);
    }

    /** Starts what is due, as many as there are free slots. */
    void runDue() {
        try {
            slots.start(self::claim, executor, this::run);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the sync jobs due", e);
        }
    }

    private void wake() {
        if (scheduler != null) {
            scheduler.execute(this::runDue);
        }
    }

    @UseCase
    public List<SyncJob> claim(int limit) {
        return replications.claimDue(now(), limit, node.id());
    }

    private void run(SyncJob job) {
        SyncJob outcome;
        try {
            ImagePusher.Copied copied = copy(job);
            outcome = job.with(SyncJob.SUCCESS, copied.sent() + " blobs sent, " + copied.skipped()
                    + " already there", job.attempts() + 1, now(), now());
        } catch (SyncFailure failure) {
            int attempts = job.attempts() + 1;
            boolean retry = attempts < SyncJob.MAX_ATTEMPTS && (failure.reason() == SyncFailure.Reason.UNREACHABLE
                    || failure.reason() == SyncFailure.Reason.TIMED_OUT);
            Instant now = now();
            outcome = retry
                    ? job.with(SyncJob.WAITING, failure.getMessage() + " Trying again later.", attempts, now,
                    SyncJob.retryAt(now, attempts, retryBase))
                    : job.with(SyncJob.FAILED, failure.getMessage(), attempts, now, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sync job " + job.id() + " failed", e);
            outcome = job.with(SyncJob.FAILED, "The copy failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), job.attempts() + 1, now(), now());
        }
        try {
            self.record(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the outcome of sync job " + job.id(), e);
        }
    }

    @UseCase
    public void record(SyncJob job) {
        replications.update(job);
    }

    /** The tag's image as it is now, copied with its index's children. */
    private ImagePusher.Copied copy(SyncJob job) {
        Snapshot snapshot = self.snapshot(job);
        String sealed = snapshot.region().sealedPassword();
        return pusher.push(snapshot.region(), sealed == null || sealed.isEmpty() ? null : cipher.decrypt(sealed),
                job.remoteNamespace() + "/" + job.repository(),
                job.tag(), snapshot.children(), snapshot.top(), blobs(), job.override());
    }

    record Snapshot(Region region, ImagePusher.Manifest top, List<ImagePusher.Manifest> children) {
    }

    @UseCase
    public Snapshot snapshot(SyncJob job) {
        Region region = replications.region(job.regionId()).orElseThrow(() -> new SyncFailure(
                SyncFailure.Reason.REGISTRY_REMOVED, "The region " + job.regionId() + " was removed."));
        // Checked again when the job runs: a grant revoked since the sync was set up stops its automatic copies.
        if (!granted(job.accountId(), job.regionId(), job.remoteNamespace())) {
            throw new SyncFailure(SyncFailure.Reason.NOT_GRANTED, "The account may no longer write into "
                    + job.remoteNamespace() + " at " + job.regionId() + ": its grant was revoked.");
        }
        ImageTag tag = tags.byTag(job.repositoryId(), job.tag()).orElseThrow(() -> new SyncFailure(
                SyncFailure.Reason.BAD_ANSWER, "The tag " + job.tag() + " is no longer in the repository."));
        StoredManifest top = manifests.byDigest(job.repositoryId(), tag.digest()).orElseThrow();
        // Replication is a pull too: an image the organization's policy refuses does not leave for another site.
        if (pullPolicy != null) {
            ImageRepository repository = repositories.byId(job.repositoryId()).orElseThrow();
            pullPolicy.refusal(repository, top).ifPresent(why -> {
                throw new SyncFailure(SyncFailure.Reason.REFUSED_BY_POLICY, why);
            });
        }
        String remote = job.remoteNamespace() + "/" + job.repository();
        if (!replications.claim(new RemoteTag(job.regionId(), remote, job.tag(), job.accountId())).equals(job.accountId())) {
            throw new SyncFailure(SyncFailure.Reason.NOT_GRANTED, "The tag " + remote + ":" + job.tag() + " at "
                    + job.regionId() + " was written by another account's replication; Wharf never replaces it, whatever"
                    + " override says.");
        }
        List<ImagePusher.Manifest> children = new ArrayList<>();
        for (String child : top.children()) {
            manifests.byDigest(job.repositoryId(), child).ifPresent(m -> children.add(manifest(m)));
        }
        return new Snapshot(region, manifest(top), children);
    }

    private ImagePusher.Manifest manifest(StoredManifest m) {
        try (InputStream in = store.open(Digest.parse(m.digest()), 0, m.size())) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            in.transferTo(content);
            return new ImagePusher.Manifest(m.digest(), m.mediaType(), content.toByteArray(), m.blobs());
        } catch (IOException e) {
            throw new UncheckedIOException("The manifest " + m.digest() + " could not be read", e);
        }
    }

    private ImagePusher.Blobs blobs() {
        return new ImagePusher.Blobs() {
            @Override
            public long size(String digest) throws IOException {
                return store.size(Digest.parse(digest)).orElseThrow(() -> new IOException("No blob " + digest));
            }

            @Override
            public InputStream open(String digest) throws IOException {
                return store.open(Digest.parse(digest), 0, size(digest));
            }
        };
    }

    private Region region(String regionId) {
        if (regionId == null || regionId.isEmpty()) {
            throw WharfException.invalid("remoteRegionId", "remoteRegionId is required: the id of a region the operator"
                    + " declared.");
        }
        return replications.region(regionId).orElseThrow(() -> WharfException.notFound(Subject.SYNC_REPO,
                "There is no region " + regionId + "; Wharf's administrators declare regions."));
    }

    private static String remoteNamespace(String value) {
        if (value == null) {
            throw WharfException.invalid("remoteNamespace", "remoteNamespace is required.");
        }
        try {
            return new NamespaceName(value).value();
        } catch (WharfException e) {
            throw WharfException.invalid("remoteNamespace", "remoteNamespace is not an organization name: " + e.getMessage());
        }
    }

    private ImageRepository manage(Caller caller, String namespace, String repository) {
        return access.locate(caller, namespace, repository).require(Permission.MANAGE).repository();
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators declare regions.");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Stops the periodic tasks with the application (a redeployed or removed module must not leave them firing). */
    @jakarta.annotation.PreDestroy
    void cancelSchedules() {
        scheduled.forEach(task -> task.cancel(false));
    }
}
