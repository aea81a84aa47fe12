package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.AssociatedImage;
import io.wharf.domain.asset.ImageAsset;
import io.wharf.domain.asset.ImageAssets;
import io.wharf.domain.asset.ImageType;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.RegistryQuery;
import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.RemoteRegistryClient;
import io.wharf.domain.sync.SyncFailure;
import io.wharf.domain.sync.SyncRegistry;
import io.wharf.domain.sync.SyncTask;
import io.wharf.domain.sync.TaskRegistry;
import io.wharf.web.fakes.HeldExecutor;
import io.wharf.web.fakes.InMemorySyncRegistries;
import io.wharf.web.fakes.InMemorySyncTasks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image-sync tasks over in-memory ports: who starts them, which registries, and what a walk stores and reports. */
class SyncTaskServiceTest {
    private static final Caller ADMIN = new Caller("alice", "alice", "acct-a", "a", "pa", true, false);
    private static final Caller MEMBER = new Caller("mike", "mike", "acct-a", "a", "pa", false, false);

    private final InMemorySyncTasks tasks = new InMemorySyncTasks();
    private final InMemorySyncRegistries registries = new InMemorySyncRegistries();
    private final HeldExecutor executor = new HeldExecutor();
    /** What the remote registry holds on the next walk; a walk of a failing registry throws its failure. */
    private List<RemoteImage> remote = new ArrayList<>();
    private SyncFailure remoteFailure;
    private final RemoteRegistryClient client = (url, user, password, fetcher, found) -> {
        if (remoteFailure != null) {
            remote.stream().limit(2).forEach(found);
            throw remoteFailure;
        }
        remote.forEach(found);
        return remote.size();
    };
    private final SyncTaskService service = new SyncTaskService(tasks, registries, new OwnImages(7), new SealedAsIs(),
            client, executor);

    private SyncRegistry registry(String name, RegistryType type) {
        return registries.add(new SyncRegistry(0, ADMIN.accountId(), name, type,
                type.remote() ? "https://harbor.example.com" : null, "robot", "", Instant.now()));
    }

    private static List<RemoteImage> images(int count) {
        return IntStream.range(0, count).mapToObj(i -> new RemoteImage("team/app", "v" + i, "sha256:" + "%064d".formatted(i),
                "application/vnd.oci.image.manifest.v1+json", 100, List.of())).toList();
    }

    private TaskRegistry outcome(SyncTask task) {
        return tasks.registries(new RegistryQuery(task.id(), null, null, null, 0, 10)).get(0);
    }

    @Test
    void onlyAnAccountAdministratorStartsATask() {
        registry("harbor", RegistryType.Harbor);
        assertThrows(WharfException.class, () -> service.create(MEMBER, true, List.of()));
        assertEquals(0, tasks.count(ADMIN.accountId()));
    }

    @Test
    void aTaskOverARegistryTheAccountDoesNotHaveIsRefused() {
        SyncRegistry harbor = registry("harbor", RegistryType.Harbor);
        WharfException refused = assertThrows(WharfException.class,
                () -> service.create(ADMIN, false, List.of(harbor.id(), harbor.id() + 1)));
        assertEquals("registry_info", refused.field());
    }

    @Test
    void aRegistryStillBeingSyncedIsNotWalkedTwiceAtOnce() {
        registry("harbor", RegistryType.Harbor);
        service.create(ADMIN, true, List.of());
        WharfException refused = assertThrows(WharfException.class, () -> service.create(ADMIN, true, List.of()));
        assertTrue(refused.getMessage().contains("harbor"), refused.getMessage());
        executor.runAll();
        service.create(ADMIN, true, List.of());
    }

    @Test
    void aWalkStoresEveryImageInBatchesAndFinishesWithTheTotal() {
        SyncRegistry harbor = registry("harbor", RegistryType.Harbor);
        remote = images(450);
        SyncTask task = service.create(ADMIN, true, List.of());
        assertEquals(TaskRegistry.RUNNING, outcome(task).syncStatus());
        executor.runAll();
        assertEquals(TaskRegistry.FINISHED, outcome(task).syncStatus());
        assertEquals(450, outcome(task).totalNum());
        assertEquals(450, tasks.imagesOf(harbor.id()).size());
    }

    @Test
    void aFinishedWalkDropsWhatTheRegistryNoLongerHolds() throws InterruptedException {
        SyncRegistry harbor = registry("harbor", RegistryType.Harbor);
        remote = images(5);
        service.create(ADMIN, true, List.of());
        executor.runAll();
        Thread.sleep(2);
        remote = images(3);
        service.create(ADMIN, true, List.of());
        executor.runAll();
        assertEquals(List.of("team/app:v0", "team/app:v1", "team/app:v2"), tasks.imagesOf(harbor.id()));
    }

    @Test
    void aFailedWalkReportsWhyAndKeepsWhatEarlierWalksStored() throws InterruptedException {
        SyncRegistry harbor = registry("harbor", RegistryType.Harbor);
        remote = images(4);
        service.create(ADMIN, true, List.of());
        executor.runAll();
        Thread.sleep(2);
        remoteFailure = new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry refused the user name or password.");
        SyncTask failed = service.create(ADMIN, true, List.of());
        executor.runAll();
        assertEquals(TaskRegistry.FAILED, outcome(failed).syncStatus());
        assertEquals("The registry refused the user name or password.", outcome(failed).failedReason());
        assertEquals(4, tasks.imagesOf(harbor.id()).size());
    }

    @Test
    void aRegistryRemovedBeforeItsWalkEndsFailsWithThatReason() {
        SyncRegistry harbor = registry("harbor", RegistryType.Harbor);
        remote = images(3);
        SyncTask task = service.create(ADMIN, true, List.of());
        registries.remove(harbor);
        executor.runAll();
        assertEquals(TaskRegistry.FAILED, outcome(task).syncStatus());
        assertEquals("The registry was removed during the sync.", outcome(task).failedReason());
    }

    @Test
    void aCancelledTaskStopsItsWalkAndSaysWhoCancelledIt() {
        SyncRegistry harbor = registry("harbor", RegistryType.Harbor);
        remote = images(450);
        SyncTask task = service.create(ADMIN, true, List.of());
        assertEquals(1, service.cancel(ADMIN, task.id()));
        executor.runAll();
        assertEquals(TaskRegistry.FAILED, outcome(task).syncStatus());
        assertEquals("Cancelled by alice.", outcome(task).failedReason());
        assertEquals(0, tasks.imagesOf(harbor.id()).size(), "the walk stopped at its first batch");
        assertEquals(0, service.cancel(ADMIN, task.id()), "an ended task has nothing left to stop");
        service.create(ADMIN, true, List.of());
    }

    @Test
    void onlyAnAdministratorCancelsAndOnlyTheirAccountsTasks() {
        registry("harbor", RegistryType.Harbor);
        SyncTask task = service.create(ADMIN, true, List.of());
        assertThrows(WharfException.class, () -> service.cancel(MEMBER, task.id()));
        Caller other = new Caller("olga", "olga", "acct-b", "b", "pb", true, false);
        assertEquals(io.wharf.domain.error.Failure.NOT_FOUND,
                assertThrows(WharfException.class, () -> service.cancel(other, task.id())).failure());
        assertEquals(TaskRegistry.RUNNING, outcome(task).syncStatus());
    }

    @Test
    void thisWharfsOwnRegistryCountsTheImagesItAlreadyLists() {
        registry("mine", RegistryType.SwrPrivate);
        SyncTask task = service.create(ADMIN, true, List.of());
        executor.runAll();
        assertEquals(TaskRegistry.FINISHED, outcome(task).syncStatus());
        assertEquals(7, outcome(task).totalNum());
    }

    /** The account's own image list, which holds a given number of images. */
    private record OwnImages(long count) implements ImageAssets {
        @Override
        public List<ImageAsset> list(AssetQuery query) {
            return List.of();
        }

        @Override
        public long count(AssetQuery query) {
            return count;
        }

        @Override
        public Map<Long, List<AssociatedImage>> associations(ImageType type, List<ImageAsset> listed) {
            return Map.of();
        }

        @Override
        public Map<Long, Instant> latestUpdates(Collection<Long> repositoryIds) {
            return Map.of();
        }
    }

    private static final class SealedAsIs implements SecretCipher {
        @Override
        public String encrypt(String plaintext) {
            return plaintext;
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext;
        }
    }
}
