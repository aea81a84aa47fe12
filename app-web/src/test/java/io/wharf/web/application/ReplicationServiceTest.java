package io.wharf.web.application;

import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.Digest;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.replication.ImagePusher;
import io.wharf.domain.replication.SyncJob;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.TaggedImage;
import io.wharf.domain.sync.SyncFailure;
import io.wharf.web.fakes.HeldExecutor;
import io.wharf.web.fakes.InMemoryBlobStore;
import io.wharf.web.fakes.InMemoryManifests;
import io.wharf.web.fakes.InMemoryReplications;
import io.wharf.web.fakes.InMemoryTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replication over in-memory ports: who may sync, what a push queues, how a copy's failures end. */
class ReplicationServiceTest {
    private static final io.wharf.domain.account.Caller ROOT =
            new io.wharf.domain.account.Caller("root", "root", "acct-s", "system", "ps", true, true);
    private final InMemoryTenants world = new InMemoryTenants();
    private final InMemoryReplications replications = new InMemoryReplications();
    private final InMemoryManifests manifests = new InMemoryManifests();
    private final InMemoryBlobStore store = new InMemoryBlobStore();
    private final HeldExecutor executor = new HeldExecutor();
    private final List<String> pushed = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final ImagePusher pusher = (region, password, repository, tag, children, top, blobs, override) -> {
        if (!failures.isEmpty()) {
            throw failures.remove(0);
        }
        pushed.add(region.id() + " " + password + " " + repository + ":" + tag + " " + top.digest());
        return new ImagePusher.Copied(1, 0);
    };
    private final SecretCipher cipher = new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "sealed:" + plaintext;
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext.substring("sealed:".length());
        }
    };
    private final ReplicationService service = new ReplicationService(replications, world.accounts, world.access, world.repositories,
            world.tags, manifests, store, cipher, pusher, executor, Duration.ofSeconds(30));
    private final Namespace team = world.organization("team");
    private final ImageRepository app = world.repository(team, "app", false);
    private String digest;

    @BeforeEach
    void anImageTaggedOneAndARegion() throws Exception {
        byte[] content = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
        digest = store.put(content, "sha256").toString();
        manifests.add(new StoredManifest(1, app.id(), digest, "application/vnd.oci.image.manifest.v1+json", content.length,
                10, null, "amd64", null, null, null, Instant.now(), List.of(), List.of()));
        world.tags.put(app, "1.0", new TaggedImage(digest, "application/vnd.oci.image.manifest.v1+json", "{}", digest, 2,
                10, 0, "amd64"));
        service.addRegion(ROOT, "site-b", "https://registry.site-b.example", "robot", "s3cret");
        service.grant(ROOT, "site-b", "a", "cop*");
    }

    /** Account b's own repository b-team/app, the same name as account a's. */
    private ImageRepository accountBsApp() {
        Namespace theirs = world.namespaces.add(new io.wharf.domain.namespace.NamespaceName("b-team"),
                OUTSIDER.accountId(), OUTSIDER.userId(), OUTSIDER.userName());
        ImageRepository repository = world.repositories.add(theirs, new io.wharf.domain.repository.RepositoryName("app"),
                new io.wharf.domain.repository.RepositoryDetails(io.wharf.domain.repository.Category.OTHER, "", false),
                OUTSIDER.userId(), OUTSIDER.userName());
        world.tags.put(repository, "1.0", new TaggedImage(digest, "application/vnd.oci.image.manifest.v1+json", "{}",
                digest, 2, 10, 0, "amd64"));
        manifests.add(new StoredManifest(2, repository.id(), digest, "application/vnd.oci.image.manifest.v1+json",
                19, 10, null, "amd64", null, null, null, Instant.now(), List.of(), List.of()));
        return repository;
    }

    private SyncJob lastJob() {
        return service.jobs(ADMIN, "team", "app", null, null, new PageRequest(0, 10)).items().get(0);
    }

    private void run() {
        service.runDue();
        executor.runAll();
    }

    @Test
    void anAutomaticSyncCopiesEachPushedTagWithTheUnsealedPassword() {
        service.createSyncRepo(ADMIN, "team", "app", "site-b", "copies", true, false);
        service.pushed(ADMIN, RegistryPath.parse("team/app"), "1.0", manifests.byDigest(app.id(), digest).orElseThrow());
        run();
        assertEquals(List.of("site-b s3cret copies/app:1.0 " + digest), pushed);
        assertEquals(SyncJob.SUCCESS, lastJob().status());
        assertEquals("1 blobs sent, 0 already there", lastJob().reason());
    }

    @Test
    void aSiteThatIsDownIsTriedAgainLaterThenTheJobFails() {
        for (int i = 0; i < SyncJob.MAX_ATTEMPTS; i++) {
            failures.add(new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry is unreachable."));
        }
        service.syncTags(ADMIN, "team", "app", "site-b", "copies", List.of("1.0"), false);
        run();
        SyncJob waiting = lastJob();
        assertEquals(SyncJob.WAITING, waiting.status());
        assertTrue(waiting.reason().contains("Trying again later"), waiting.reason());
        assertTrue(waiting.nextAttemptAt().isAfter(Instant.now().plusSeconds(20)), "it waits before the next attempt");
        for (int i = 1; i < SyncJob.MAX_ATTEMPTS; i++) {
            replications.makeDue();
            run();
        }
        assertEquals(SyncJob.FAILED, lastJob().status());
        assertEquals(SyncJob.MAX_ATTEMPTS, lastJob().attempts());
    }

    @Test
    void wrongCredentialsFailAtOnce() {
        failures.add(new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry refused the credentials."));
        service.syncTags(ADMIN, "team", "app", "site-b", "copies", List.of("1.0"), false);
        run();
        assertEquals(SyncJob.FAILED, lastJob().status());
        assertEquals("The registry refused the credentials.", lastJob().reason());
    }

    @Test
    void onlyManagersSyncAndOnlyAdministratorsDeclareRegions() {
        world.grant(MEMBER, Grant.Scope.REPOSITORY, app.id(), Permission.EDIT);
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.createSyncRepo(MEMBER, "team", "app", "site-b", "copies", true, false)).failure());
        assertEquals(Failure.NOT_FOUND, assertThrows(WharfException.class,
                () -> service.syncRepos(OUTSIDER, "team", "app")).failure());
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.addRegion(ADMIN, "mine", "https://r.example", null, null)).failure());
    }

    @Test
    void anUnknownTagOrRegionIsNotFoundAndABadNamespaceIsNamed() {
        assertEquals(Failure.NOT_FOUND, assertThrows(WharfException.class,
                () -> service.syncTags(ADMIN, "team", "app", "site-b", "copies", List.of("9.9"), false)).failure());
        assertEquals(Failure.NOT_FOUND, assertThrows(WharfException.class,
                () -> service.createSyncRepo(ADMIN, "team", "app", "mars", "copies", true, false)).failure());
        assertEquals("remoteNamespace", assertThrows(WharfException.class,
                () -> service.createSyncRepo(ADMIN, "team", "app", "site-b", "Bad Name", true, false)).field());
    }

    @Test
    void anAccountWritesOnlyIntoTheOrganizationsItWasGranted() {
        WharfException refused = assertThrows(WharfException.class,
                () -> service.createSyncRepo(ADMIN, "team", "app", "site-b", "prod", true, false));
        assertEquals(Failure.FORBIDDEN, refused.failure());
        assertTrue(refused.getMessage().contains("prod"), refused.getMessage());
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.syncTags(ADMIN, "team", "app", "site-b", "prod", List.of("1.0"), true)).failure());
        service.syncTags(ADMIN, "team", "app", "site-b", "copies", List.of("1.0"), false);
        run();
        assertEquals(SyncJob.SUCCESS, lastJob().status());
    }

    @Test
    void aTagAnotherAccountWroteIsNeverReplacedWhateverOverrideSays() {
        ImageRepository theirs = accountBsApp();
        service.grant(ROOT, "site-b", "b", "copies");
        service.syncTags(OUTSIDER, "b-team", "app", "site-b", "copies", List.of("1.0"), false);
        run();
        service.syncTags(ADMIN, "team", "app", "site-b", "copies", List.of("1.0"), true);
        run();
        SyncJob refused = lastJob();
        assertEquals(SyncJob.FAILED, refused.status());
        assertTrue(refused.reason().contains("another account"), refused.reason());
        assertEquals(1, pushed.size(), "only account b's copy reached the site: " + pushed);
        assertEquals(SyncJob.SUCCESS, service.jobs(OUTSIDER, "b-team", "app", null, null, new PageRequest(0, 10))
                .items().get(0).status());
        assertTrue(theirs.id() != app.id());
    }

    @Test
    void aRevokedGrantStopsTheAutomaticCopiesAlreadySetUp() {
        service.createSyncRepo(ADMIN, "team", "app", "site-b", "copies", true, false);
        service.revoke(ROOT, "site-b", "a", "cop*");
        service.pushed(ADMIN, RegistryPath.parse("team/app"), "1.0", manifests.byDigest(app.id(), digest).orElseThrow());
        run();
        assertEquals(SyncJob.FAILED, lastJob().status());
        assertTrue(lastJob().reason().contains("revoked"), lastJob().reason());
        assertTrue(pushed.isEmpty());
    }

    @Test
    void onlyAdministratorsGrantAndAccountsSeeOnlyTheirOwnRegionsWithoutDetails() {
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.grant(ADMIN, "site-b", "a", "anything")).failure());
        assertEquals("namespaces", assertThrows(WharfException.class,
                () -> service.grant(ROOT, "site-b", "b", "*")).field());
        assertEquals("account", assertThrows(WharfException.class,
                () -> service.grant(ROOT, "site-b", "nobody", "x")).field());
        assertEquals(List.of("site-b"), service.regions(ADMIN).stream().map(r -> r.id()).toList());
        assertEquals(null, service.regions(ADMIN).get(0).url(), "a member account does not see the site's address");
        assertEquals(null, service.regions(ADMIN).get(0).username());
        assertTrue(service.regions(OUTSIDER).isEmpty(), "an account without a grant does not see the region");
        assertEquals("https://registry.site-b.example", service.regions(ROOT).get(0).url());
        service.grant(ROOT, "site-b", "b", "b-*");
        assertEquals(List.of("b-*"), service.grants(OUTSIDER, "site-b").stream().map(g -> g.namespaces()).toList());
        assertEquals(2, service.grants(ROOT, "site-b").size());
    }

    /** Keeps the Digest import honest: manifests are stored under their content's digest. */
    @Test
    void theManifestIsReadFromTheStore() throws Exception {
        assertEquals(digest, Digest.of("sha256", "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void oneAccountsJobsTakeOneSyncSlotAndAnotherAccountsCopyStartsBesideThem() {
        accountBsApp();
        service.grant(ROOT, "site-b", "b", "b-copies");
        service.syncTags(ADMIN, "team", "app", "site-b", "copies", List.of("1.0"), false);
        service.syncTags(ADMIN, "team", "app", "site-b", "copies2", List.of("1.0"), false);
        service.syncTags(ADMIN, "team", "app", "site-b", "copies3", List.of("1.0"), false);
        service.syncTags(OUTSIDER, "b-team", "app", "site-b", "b-copies", List.of("1.0"), false);
        service.runDue();
        executor.runAll();
        assertEquals(2, pushed.size(), "two slots: " + pushed);
        assertTrue(pushed.stream().anyMatch(p -> p.contains("b-copies/app")), "account b's copy ran in the first round");
    }
}
