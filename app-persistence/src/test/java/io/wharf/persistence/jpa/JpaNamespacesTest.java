package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaNamespacesTest {
    private static MariaDbTestDatabase db;
    private static String accountA;
    private static String accountB;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
        accountA = account("team-a");
        accountB = account("team-b");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static String account(String name) {
        Account account = new Account(Identifiers.newId(), new AccountName(name), Identifiers.newId(), false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return db.inTransaction(em -> new JpaAccounts(em).add(account)).id();
    }

    private static Namespace add(String name, String accountId, String creatorId) {
        return db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName(name), accountId, creatorId, "carol"));
    }

    @Test
    void anAddedOrganizationIsFoundByItsNameWithEveryField() {
        Namespace added = add("found-me", accountA, "u1");
        Namespace found = db.inTransaction(em -> new JpaNamespaces(em).byName(new NamespaceName("found-me"))).orElseThrow();
        assertEquals(added, found);
        assertTrue(found.id() > 0);
        assertEquals("carol", found.creatorName());
    }

    @Test
    void aTakenNameIsAConflictEvenAcrossAccountsAndLeavesNothingBehind() {
        add("taken", accountA, "u1");
        WharfException conflict = assertThrows(WharfException.class, () -> add("taken", accountB, "u2"));
        assertEquals(Failure.EXISTS, conflict.failure());
        assertEquals(Subject.ORGANIZATION, conflict.subject());
        NamespaceQuery ofB = new NamespaceQuery(accountB, null, false, "taken", 0, 10);
        assertEquals(0L, db.<Long>inTransaction(em -> new JpaNamespaces(em).count(ofB)));
    }

    @Test
    void listsAreScopedToTheAccountOrderedByNameAndPaged() {
        String account = account("paging");
        for (String name : List.of("p-c", "p-a", "p-b", "p-d")) {
            add(name, account, "u1");
        }
        add("p-other", accountB, "u1");
        List<String> page = db.inTransaction(em -> new JpaNamespaces(em).list(new NamespaceQuery(account, null, false, null, 1, 2)))
                .stream().map(n -> n.name().value()).toList();
        assertEquals(List.of("p-b", "p-c"), page);
        assertEquals(4L, db.<Long>inTransaction(em -> new JpaNamespaces(em).count(new NamespaceQuery(account, null, false, null, 0, 2))));
    }

    @Test
    void theNameFilterMatchesTextLiterallyNotAsAPattern() {
        String account = account("literal");
        add("lit__x", account, "u1");
        add("litabx", account, "u1");
        List<Namespace> matches = db.inTransaction(em -> new JpaNamespaces(em)
                .list(new NamespaceQuery(account, null, false, "__", 0, 10)));
        assertEquals(List.of("lit__x"), matches.stream().map(n -> n.name().value()).toList());
    }

    @Test
    void theCreatorFilterKeepsOnlyWhatThatUserCreated() {
        String account = account("creators");
        add("mine-one", account, "me");
        add("theirs-one", account, "them");
        List<Namespace> mine = db.inTransaction(em -> new JpaNamespaces(em).list(new NamespaceQuery(account, "me", false, null, 0, 10)));
        assertEquals(List.of("mine-one"), mine.stream().map(n -> n.name().value()).toList());
    }

    @Test
    void aRemovedOrganizationIsGoneAndItsNameFreeAgain() {
        Namespace added = add("short-lived", accountA, "u1");
        db.inTransaction(em -> {
            new JpaNamespaces(em).remove(added);
            return null;
        });
        assertTrue(db.inTransaction(em -> new JpaNamespaces(em).byName(added.name())).isEmpty());
        add("short-lived", accountB, "u2");
    }

    @Test
    void repositoriesAreCountedPerOrganization() {
        Namespace full = add("holds-images", accountA, "u1");
        Namespace empty = add("holds-nothing", accountA, "u1");
        db.inTransaction(em -> new JpaImageRepositories(em).add(full, new RepositoryName("nginx"),
                new RepositoryDetails(Category.LINUX, "", false), "u1", "carol"));
        assertEquals(1L, db.<Long>inTransaction(em -> new JpaImageRepositories(em).countInNamespace(full.id())));
        assertEquals(0L, db.<Long>inTransaction(em -> new JpaImageRepositories(em).countInNamespace(empty.id())));
    }
}
