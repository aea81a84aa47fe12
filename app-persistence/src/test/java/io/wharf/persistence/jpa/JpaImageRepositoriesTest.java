package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.domain.repository.TagQuery;
import io.wharf.domain.repository.TaggedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaImageRepositoriesTest {
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static Namespace namespace(String account, String name) {
        Account a = new Account(Identifiers.newId(), new AccountName(account), Identifiers.newId(), false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        db.inTransaction(em -> new JpaAccounts(em).add(a));
        return db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName(name), a.id(), "u1", "carol"));
    }

    private static ImageRepository repo(Namespace ns, String name, Category category, boolean isPublic) {
        return db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName(name),
                new RepositoryDetails(category, "about " + name, isPublic), "u1", "carol"));
    }

    private static RepositoryQuery all(String account, RepositoryQuery.Order order, boolean descending) {
        return new RepositoryQuery(account, null, null, null, null, null, null, order, descending, 0, 100);
    }

    @Test
    void aRepositoryIsStoredWithItsOrganizationAndFoundByPath() {
        Namespace ns = namespace("repos1", "library");
        ImageRepository added = repo(ns, "tools/busybox", Category.LINUX, true);
        ImageRepository found = db.inTransaction(em -> new JpaImageRepositories(em)
                .byName(ns.name(), new RepositoryName("tools/busybox"))).orElseThrow();
        assertEquals(added, found);
        assertEquals("library/tools/busybox", found.path());
        assertEquals(ns.accountId(), found.accountId());
        assertEquals(0, found.numImages());
    }

    @Test
    void aTakenNameInTheSameOrganizationIsAConflict() {
        Namespace ns = namespace("repos2", "dupes");
        repo(ns, "same", Category.OTHER, false);
        WharfException conflict = assertThrows(WharfException.class, () -> repo(ns, "same", Category.OTHER, false));
        assertEquals(Failure.EXISTS, conflict.failure());
        assertEquals(Subject.REPOSITORY, conflict.subject());
    }

    @Test
    void listsFilterAndOrderAsTheApiOffers() {
        Namespace ns = namespace("repos3", "ordered");
        repo(ns, "b-db", Category.DATABASE, false);
        repo(ns, "a-web", Category.APP_SERVER, true);
        repo(ns, "c-web", Category.APP_SERVER, false);
        String account = ns.accountId();
        List<String> byName = db.inTransaction(em -> new JpaImageRepositories(em)
                .list(all(account, RepositoryQuery.Order.NAME, true))).stream().map(r -> r.name().value()).toList();
        assertEquals(List.of("c-web", "b-db", "a-web"), byName);
        RepositoryQuery web = new RepositoryQuery(account, null, null, "order", "web", Category.APP_SERVER, false,
                RepositoryQuery.Order.NAME, false, 0, 10);
        assertEquals(List.of("c-web"), db.inTransaction(em -> new JpaImageRepositories(em).list(web))
                .stream().map(r -> r.name().value()).toList());
        assertEquals(1L, db.<Long>inTransaction(em -> new JpaImageRepositories(em).count(web)));
        RepositoryQuery onlyOthers = new RepositoryQuery(account, "someone-else", null, null, null, null, null,
                RepositoryQuery.Order.NAME, false, 0, 10);
        assertEquals(List.of("a-web"), db.inTransaction(em -> new JpaImageRepositories(em).list(onlyOthers))
                .stream().map(r -> r.name().value()).toList(), "a user without grants sees the account's public ones");
        Namespace elsewhere = namespace("repos3b", "elsewhere");
        repo(elsewhere, "a-web", Category.APP_SERVER, true);
        RepositoryQuery inOne = new RepositoryQuery(account, null, ns.id(), null, null, null, null,
                RepositoryQuery.Order.NAME, false, 0, 10);
        assertEquals(3L, db.<Long>inTransaction(em -> new JpaImageRepositories(em).count(inOne)));
    }

    @Test
    void tagsKeepTheRepositorysTotalsInStep() {
        Namespace ns = namespace("repos4", "tagged");
        ImageRepository repo = repo(ns, "app", Category.OTHER, false);
        db.inTransaction(em -> new JpaImageTags(em).put(repo, "v1", new TaggedImage("sha256:aa", "application/vnd.oci.image.manifest.v1+json", "{}", "sha256:c1", 2, 100, 0, "amd64")));
        db.inTransaction(em -> new JpaImageTags(em).put(repo, "v2", new TaggedImage("sha256:bb", "application/vnd.oci.image.manifest.v1+json", "{}", "sha256:c2", 2, 250, 0, "amd64")));
        db.inTransaction(em -> new JpaImageTags(em).put(repo, "v1", new TaggedImage("sha256:cc", "application/vnd.oci.image.manifest.v1+json", "{}", "sha256:c3", 2, 50, 0, "amd64")));
        ImageRepository after = db.inTransaction(em -> new JpaImageRepositories(em).byName(ns.name(), repo.name())).orElseThrow();
        assertEquals(2, after.numImages());
        assertEquals(300, after.size());
        assertTrue(after.updatedAt().isAfter(repo.updatedAt()));

        List<ImageTag> tags = db.inTransaction(em -> new JpaImageTags(em).list(new TagQuery(repo.id(), null, false, false, 0, 10)));
        assertEquals(List.of("v1", "v2"), tags.stream().map(ImageTag::tag).toList());
        assertEquals("sha256:cc", tags.get(0).digest(), "putting an existing tag moves it");
        Map<Long, List<String>> names = db.inTransaction(em -> new JpaImageTags(em).namesOf(List.of(repo.id())));
        assertEquals(List.of("v1", "v2"), names.get(repo.id()));
        assertEquals(List.of("v2"), db.inTransaction(em -> new JpaImageTags(em).withDigestPrefix(List.of(repo.id()), "sha256:b", 5))
                .stream().map(ImageTag::tag).toList(), "a digest's start finds its tags");
        assertEquals(List.of(), db.inTransaction(em -> new JpaImageTags(em).withDigestPrefix(List.of(repo.id()), "sha256:%", 5)),
                "the prefix is matched literally");
        Instant pulledAt = Instant.parse("2026-11-30T10:00:00Z");
        db.inTransaction(em -> {
            new JpaImageTags(em).countPull(repo.id(), "v1", pulledAt);
            new JpaImageTags(em).countPull(repo.id(), "sha256:cc", pulledAt.plusSeconds(60));
            new JpaImageTags(em).countPull(repo.id(), "nothing", pulledAt);
            return null;
        });
        assertEquals(Map.of("v1", new io.wharf.domain.repository.TagPulls(2, pulledAt.plusSeconds(60))),
                db.inTransaction(em -> new JpaImageTags(em).pulls(repo.id(), List.of("v1", "v2"))),
                "pulled by its name and by its digest; a tag never pulled is left out");

        db.inTransaction(em -> {
            new JpaImageTags(em).remove(repo, tags.get(1));
            return null;
        });
        ImageRepository afterRemove = db.inTransaction(em -> new JpaImageRepositories(em).byName(ns.name(), repo.name())).orElseThrow();
        assertEquals(1, afterRemove.numImages());
        assertEquals(50, afterRemove.size());
    }

    @Test
    void removingARepositoryRemovesItsTags() {
        Namespace ns = namespace("repos5", "gone");
        ImageRepository repo = repo(ns, "app", Category.OTHER, false);
        db.inTransaction(em -> new JpaImageTags(em).put(repo, "latest", new TaggedImage("sha256:aa", "application/vnd.oci.image.manifest.v1+json", "{}", "sha256:c1", 2, 100, 0, "amd64")));
        db.inTransaction(em -> {
            new JpaImageRepositories(em).remove(repo);
            return null;
        });
        assertTrue(db.inTransaction(em -> new JpaImageRepositories(em).byName(ns.name(), repo.name())).isEmpty());
        assertEquals(0L, db.<Long>inTransaction(em -> new JpaImageTags(em).count(new TagQuery(repo.id(), null, false, false, 0, 10))));
    }
}
