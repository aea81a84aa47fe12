package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.domain.repository.TaggedImage;
import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.Deadline;
import io.wharf.domain.share.ShareTerms;
import io.wharf.domain.share.SharedQuery;
import io.wharf.domain.share.SharedRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaAccessDomainsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static MariaDbTestDatabase db;
    private static Account owner;
    private static Account friend;
    private static Account stranger;
    private static ImageRepository web;
    private static ImageRepository db1;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
        owner = account("owner");
        friend = account("friend");
        stranger = account("stranger");
        Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("shop"), owner.id(), "u1", "carol"));
        web = repo(ns, "web");
        db1 = repo(ns, "db");
        repo(ns, "unshared");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static Account account(String name) {
        Account a = new Account(Identifiers.newId(), new AccountName(name), Identifiers.newId(), false, NOW);
        return db.inTransaction(em -> new JpaAccounts(em).add(a));
    }

    private static ImageRepository repo(Namespace ns, String name) {
        return db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName(name),
                new RepositoryDetails(null, "", false), "u1", "carol"));
    }

    private static AccessDomain share(ImageRepository repo, Account with, String deadline) {
        return db.inTransaction(em -> new JpaAccessDomains(em).add(repo.id(), with.id(), with.name().value(),
                new ShareTerms("read", Deadline.parse(deadline), "for " + with.name()), "u1", "carol"));
    }

    private static SharedQuery query(Account account, boolean byMe, Boolean valid) {
        return new SharedQuery(account.id(), byMe, null, null, null, valid, NOW, RepositoryQuery.Order.NAME, false, 0, 10);
    }

    @Test
    void sharesGiveReadUntilTheirDeadlineAndListBothWays() {
        share(web, friend, "forever");
        AccessDomain expired = share(db1, friend, NOW.minus(Duration.ofDays(1)).toString());
        share(web, stranger, NOW.plus(Duration.ofDays(1)).toString());

        assertTrue(db.<Boolean>inTransaction(em -> new JpaAccessDomains(em).grantsRead(web.id(), friend.id(), NOW)));
        assertFalse(db.<Boolean>inTransaction(em -> new JpaAccessDomains(em).grantsRead(db1.id(), friend.id(), NOW)));
        assertFalse(db.<Boolean>inTransaction(em -> new JpaAccessDomains(em).grantsRead(db1.id(), stranger.id(), NOW)));
        assertFalse(expired.isValidAt(NOW));

        List<SharedRepository> withFriend = db.inTransaction(em -> new JpaAccessDomains(em).list(query(friend, false, null)));
        assertEquals(List.of("db", "web"), withFriend.stream().map(s -> s.repository().name().value()).toList());
        assertEquals(friend.id(), withFriend.get(0).share().accountId());
        assertEquals(1L, db.<Long>inTransaction(em -> new JpaAccessDomains(em).count(query(friend, false, true))));
        assertEquals(1L, db.<Long>inTransaction(em -> new JpaAccessDomains(em).count(query(friend, false, false))));

        List<SharedRepository> byOwner = db.inTransaction(em -> new JpaAccessDomains(em).list(query(owner, true, null)));
        assertEquals(List.of("db", "web"), byOwner.stream().map(s -> s.repository().name().value()).toList(),
                "each shared repository once, however many accounts it is shared with");
        assertNull(byOwner.get(0).share());
        assertEquals(0L, db.<Long>inTransaction(em -> new JpaAccessDomains(em).count(query(friend, true, null))));
        assertEquals(List.of(friend.name().value(), stranger.name().value()).stream().sorted().toList(),
                db.inTransaction(em -> new JpaAccessDomains(em).receiversOf(owner.id(), 10)), "each receiver once");
        assertEquals(List.of(), db.inTransaction(em -> new JpaAccessDomains(em).receiversOf(friend.id(), 10)));

        WharfException twice = assertThrows(WharfException.class, () -> share(web, friend, "forever"));
        assertEquals(Failure.EXISTS, twice.failure());
        assertEquals(Subject.SHARE, twice.subject());

        AccessDomain moved = db.inTransaction(em -> new JpaAccessDomains(em).update(expired,
                new ShareTerms("read", Deadline.parse("forever"), "again")));
        assertEquals("forever", moved.deadline().toString());
        assertTrue(db.<Boolean>inTransaction(em -> new JpaAccessDomains(em).grantsRead(db1.id(), friend.id(), NOW)));
        assertEquals("again", db.inTransaction(em -> new JpaAccessDomains(em).of(db1.id(), "friend")).orElseThrow().description());
    }

    @Test
    void sharedWithMeListsTheRepositoryChangedLastFirst() {
        Account vendor = account("vendor");
        Account reader = account("reader");
        Namespace lab = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("lab"), vendor.id(), "u2", "vera"));
        ImageRepository a = repo(lab, "a");
        ImageRepository b = repo(lab, "b");
        ImageRepository c = repo(lab, "c");
        for (ImageRepository r : List.of(a, b, c)) {
            share(r, reader, "forever");
        }
        assertEquals(List.of("c", "b", "a"), newestFirst(reader));

        db.inTransaction(em -> new JpaImageTags(em).put(a, "v1", new TaggedImage("sha256:a1",
                "application/vnd.oci.image.manifest.v1+json", "{}", "sha256:ca1", 2, 100, 0, "amd64")));
        assertEquals(List.of("a", "c", "b"), newestFirst(reader), "a push moves its repository to the top");

        db.inTransaction(em -> new JpaImageRepositories(em).update(b, new RepositoryDetails(null, "edited", false)));
        assertEquals(List.of("b", "a", "c"), newestFirst(reader), "so does an edit");
        assertEquals(3L, db.<Long>inTransaction(em -> new JpaAccessDomains(em).count(
                new SharedQuery(reader.id(), false, null, null, null, null, NOW, RepositoryQuery.Order.UPDATED_TIME, true, 0, 2))));
    }

    private static List<String> newestFirst(Account account) {
        return db.<List<SharedRepository>>inTransaction(em -> new JpaAccessDomains(em).list(new SharedQuery(account.id(),
                        false, null, null, null, null, NOW, RepositoryQuery.Order.UPDATED_TIME, true, 0, 10)))
                .stream().map(s -> s.repository().name().value()).toList();
    }
}
