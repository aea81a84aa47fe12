package io.wharf.persistence.jpa;

import io.wharf.domain.account.Identifiers;
import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ScanCriteria;
import io.wharf.domain.asset.AssociatedImage;
import io.wharf.domain.asset.ImageAsset;
import io.wharf.domain.asset.ImageType;
import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.SyncRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images synced from remote registries on MariaDB: batch upserts, multi-architecture associations, pruning. */
class JpaSyncedImagesTest {
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static Instant at(int second) {
        return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(second).truncatedTo(ChronoUnit.MICROS);
    }

    private static SyncRegistry registry(String account) {
        return db.inTransaction(em -> new JpaSyncRegistries(em).add(new SyncRegistry(0, account, "harbor-" + account,
                RegistryType.Harbor, "http://harbor.example", "", "", at(0))));
    }

    private static List<ImageAsset> listed(String account) {
        return db.inTransaction(em -> new JpaImageAssets(em).list(new AssetQuery(account, null, ImageType.HARBOR, null,
                null, null, false, null, null, null, Instant.now(), 0, 100, ScanCriteria.NONE)));
    }

    private static void upsert(String account, SyncRegistry registry, Instant now, RemoteImage... images) {
        db.inTransaction(em -> {
            new JpaSyncTasks(em).upsertImages(account, registry, List.of(images), now);
            return null;
        });
    }

    private static RemoteImage multiArch(String tag, String digest, String... children) {
        return new RemoteImage("team/app", tag, digest, INDEX, 2048, java.util.Arrays.stream(children)
                .map(c -> new AssociatedImage(c, c.endsWith("1") ? "amd64" : "arm64/v8")).toList());
    }

    @Test
    void aMultiArchitectureImageListsItsImagesAndAReSyncReplacesThem() {
        String account = Identifiers.newId();
        SyncRegistry harbor = registry(account);
        upsert(account, harbor, at(10), multiArch("1.0", "sha256:i1", "sha256:c1", "sha256:c2", "sha256:c1"),
                new RemoteImage("team/app", "plain", "sha256:p", MANIFEST, 100, List.of()));

        List<ImageAsset> assets = listed(account);
        assertEquals(2, assets.size());
        Map<Long, List<AssociatedImage>> associations = db.inTransaction(em -> new JpaImageAssets(em)
                .associations(ImageType.HARBOR, assets));
        ImageAsset index = assets.stream().filter(ImageAsset::multiArchitecture).findFirst().orElseThrow();
        assertEquals(List.of(new AssociatedImage("sha256:c1", "amd64"), new AssociatedImage("sha256:c2", "arm64/v8")),
                associations.get(index.id()), "each child once, however often the index names it");
        assertEquals(1, associations.size(), "a single-architecture image has none");

        // The tag moves to a new index: its children are replaced, and its update time is the move's.
        upsert(account, harbor, at(20), multiArch("1.0", "sha256:i2", "sha256:d1"));
        ImageAsset moved = listed(account).stream().filter(ImageAsset::multiArchitecture).findFirst().orElseThrow();
        assertEquals(index.id(), moved.id());
        assertEquals(at(20), moved.updatedAt());
        assertEquals(List.of(new AssociatedImage("sha256:d1", "amd64")), db.inTransaction(em -> new JpaImageAssets(em)
                .associations(ImageType.HARBOR, List.of(moved))).get(moved.id()));
    }

    @Test
    void anUnchangedImageKeepsItsUpdateTimeAndAFinishedWalkDropsWhatIsGone() {
        String account = Identifiers.newId();
        SyncRegistry harbor = registry(account);
        RemoteImage kept = new RemoteImage("team/app", "kept", "sha256:k", MANIFEST, 10, List.of());
        upsert(account, harbor, at(10), kept, multiArch("gone", "sha256:g", "sha256:c1"));

        upsert(account, harbor, at(30), kept);
        int removed = db.inTransaction(em -> new JpaSyncTasks(em).removeUnseen(harbor.id(), at(25)));

        assertEquals(1, removed);
        List<ImageAsset> left = listed(account);
        assertEquals(1, left.size());
        assertEquals("kept", left.get(0).imageVersion());
        assertEquals(at(10), left.get(0).updatedAt(), "the digest did not change, so neither did the update time");
    }

    @Test
    void removingARegistryRemovesItsImages() {
        String account = Identifiers.newId();
        SyncRegistry harbor = registry(account);
        upsert(account, harbor, at(10), multiArch("1.0", "sha256:i1", "sha256:c1"));
        assertFalse(listed(account).isEmpty());

        db.inTransaction(em -> {
            new JpaSyncRegistries(em).remove(harbor);
            return null;
        });

        assertTrue(listed(account).isEmpty());
    }
}
