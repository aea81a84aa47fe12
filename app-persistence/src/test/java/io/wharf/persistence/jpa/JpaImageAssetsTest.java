package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ImageAsset;
import io.wharf.domain.asset.ImageType;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.TaggedImage;
import io.wharf.domain.share.Deadline;
import io.wharf.domain.share.ShareTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HSS's image lists on MariaDB: the newest shared tags found by walking the shared repositories in batches must be
 * exactly the database's own sort of every shared tag, and the totals read off the repositories' image counts must be
 * the counts of the tags.
 */
class JpaImageAssetsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static MariaDbTestDatabase db;
    /** More shared repositories than the walk reads at a time, so that deep pages cross its slices. */
    private static final int REPOSITORIES = 300;
    private static Account owner;
    private static Account friend;
    private static List<ImageRepository> repositories;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
        owner = account("owner");
        friend = account("friend");
        Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("shop"), owner.id(), "u1", "carol"));
        repositories = new ArrayList<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            String name = "repo" + i;
            repositories.add(db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName(name),
                    new RepositoryDetails(null, "", false), "u1", "carol")));
        }
        // Pushes in a shuffled order, so that the newest tags are spread over repositories and batches.
        List<String> pushes = new ArrayList<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            for (int t = 0; t < (i % 3) + 1; t++) {
                pushes.add(i + ":v" + t);
            }
        }
        Collections.shuffle(pushes, new Random(7));
        for (String push : pushes) {
            ImageRepository repository = repositories.get(Integer.parseInt(push.substring(0, push.indexOf(':'))));
            String tag = push.substring(push.indexOf(':') + 1);
            db.inTransaction(em -> new JpaImageTags(em).put(repository, tag, new TaggedImage("sha256:" + push,
                    "application/vnd.oci.image.manifest.v1+json", "{}", "sha256:c" + push, 2, 100, 0, "amd64")));
        }
        for (int i = 0; i < REPOSITORIES; i++) {
            if (i % 10 != 3) {
                ImageRepository repository = repositories.get(i);
                db.inTransaction(em -> new JpaAccessDomains(em).add(repository.id(), friend.id(), friend.name().value(),
                        new ShareTerms("read", Deadline.parse("forever"), ""), "u1", "carol"));
            }
        }
        // A repository changed after its last push (a new description): newer than all its tags.
        db.inTransaction(em -> new JpaImageRepositories(em).update(repositories.get(0),
                new RepositoryDetails(null, "changed after its last push", false)));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static Account account(String name) {
        Account a = new Account(Identifiers.newId(), new AccountName(name), Identifiers.newId(), false, NOW);
        return db.inTransaction(em -> new JpaAccounts(em).add(a));
    }

    private static AssetQuery query(Account account, ImageType type, int offset, int limit) {
        return new AssetQuery(account.id(), null, type, null, null, null, false, null, null, null, Instant.now(),
                offset, limit, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> sortedSharedTagIds() {
        return db.inTransaction(em -> ((List<Number>) em.createNativeQuery("SELECT t.id FROM image_tag t"
                        + " JOIN access_domain s ON s.repository_id = t.repository_id WHERE s.account_id = ?1"
                        + " ORDER BY t.updated_at DESC, t.id DESC").setParameter(1, friend.id()).getResultList())
                .stream().map(Number::longValue).toList());
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "0, 100", "37, 25", "150, 100", "200, 50", "450, 100", "520, 80"})
    void theNewestSharedTagsAreTheDatabasesOwnOrder(int offset, int limit) {
        List<Long> all = sortedSharedTagIds();
        List<Long> expected = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));

        List<Long> listed = db.inTransaction(em -> new JpaImageAssets(em)
                .list(query(friend, ImageType.SHARED_IMAGE, offset, limit))).stream().map(ImageAsset::id).toList();

        assertEquals(expected, listed);
    }

    @Test
    void totalsAreTheCountsOfTags() {
        long ownTags = db.inTransaction(em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM image_tag WHERE account_id = ?1").setParameter(1, owner.id()).getSingleResult()))
                .longValue();

        assertEquals(ownTags, (long) db.inTransaction(em -> new JpaImageAssets(em)
                .count(query(owner, ImageType.PRIVATE_IMAGE, 0, 10))));
        assertEquals(sortedSharedTagIds().size(), (long) db.inTransaction(em -> new JpaImageAssets(em)
                .count(query(friend, ImageType.SHARED_IMAGE, 0, 10))));
    }

    @Test
    void aSharedImageIsValidUntilItsSharesDeadline() {
        Account late = account("late");
        ImageRepository expired = repositories.get(1);
        ImageRepository open = repositories.get(2);
        db.inTransaction(em -> new JpaAccessDomains(em).add(expired.id(), late.id(), late.name().value(),
                new ShareTerms("read", Deadline.parse(NOW.minusSeconds(86_400).toString()), ""), "u1", "carol"));
        db.inTransaction(em -> new JpaAccessDomains(em).add(open.id(), late.id(), late.name().value(),
                new ShareTerms("read", Deadline.parse("forever"), ""), "u1", "carol"));

        List<ImageAsset> listed = db.inTransaction(em -> new JpaImageAssets(em)
                .list(query(late, ImageType.SHARED_IMAGE, 0, 100)));

        assertEquals(Set.of(expired.id(), open.id()), listed.stream().map(ImageAsset::repositoryId).collect(Collectors.toSet()));
        listed.forEach(asset -> assertEquals(asset.repositoryId() == open.id(), asset.shareValid(), asset.imageName()));
    }
}
