package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JpaGrantsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static List<String> names(NamespaceQuery query) {
        return db.inTransaction(em -> new JpaNamespaces(em).list(query)).stream().map(n -> n.name().value()).toList();
    }

    @Test
    void grantsMakeOrganizationsAndRepositoriesVisibleToTheirUser() {
        Account account = db.inTransaction(em -> new JpaAccounts(em).add(new Account(Identifiers.newId(),
                new AccountName("granting"), Identifiers.newId(), false, NOW)));
        User dev = db.inTransaction(em -> new JpaUsers(em).add(new User(Identifiers.newId(), account.id(),
                new UserName("dev"), "x", false, NOW)));
        Namespace granted = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("granted"), account.id(), "boss", "boss"));
        Namespace viaRepo = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("via-repo"), account.id(), "boss", "boss"));
        db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("hidden"), account.id(), "boss", "boss"));
        ImageRepository inGranted = db.inTransaction(em -> new JpaImageRepositories(em).add(granted, new RepositoryName("a"),
                new RepositoryDetails(null, "", false), "boss", "boss"));
        ImageRepository single = db.inTransaction(em -> new JpaImageRepositories(em).add(viaRepo, new RepositoryName("b"),
                new RepositoryDetails(null, "", false), "boss", "boss"));
        db.inTransaction(em -> new JpaImageRepositories(em).add(viaRepo, new RepositoryName("c"),
                new RepositoryDetails(null, "", false), "boss", "boss"));

        db.inTransaction(em -> {
            new JpaGrants(em).add(List.of(new Grant(Grant.Scope.NAMESPACE, granted.id(), dev.id(), "dev", Permission.READ),
                    new Grant(Grant.Scope.REPOSITORY, single.id(), dev.id(), "dev", Permission.EDIT)));
            return null;
        });
        assertEquals(List.of("granted"), names(new NamespaceQuery(account.id(), dev.id(), false, null, 0, 10)));
        assertEquals(List.of("granted", "via-repo"), names(new NamespaceQuery(account.id(), dev.id(), true, null, 0, 10)));
        RepositoryQuery visible = new RepositoryQuery(account.id(), dev.id(), null, null, null, null, null,
                RepositoryQuery.Order.NAME, false, 0, 10);
        assertEquals(List.of("a", "b"), db.inTransaction(em -> new JpaImageRepositories(em).list(visible))
                .stream().map(r -> r.name().value()).toList());
        assertEquals(Optional.of(Permission.EDIT),
                db.inTransaction(em -> new JpaGrants(em).held(Grant.Scope.REPOSITORY, single.id(), dev.id())));

        WharfException twice = assertThrows(WharfException.class, () -> db.inTransaction(em -> {
            new JpaGrants(em).add(List.of(new Grant(Grant.Scope.NAMESPACE, granted.id(), dev.id(), "dev", Permission.EDIT)));
            return null;
        }));
        assertEquals(Failure.EXISTS, twice.failure());
        assertEquals(Subject.GRANT, twice.subject());
        db.inTransaction(em -> {
            new JpaGrants(em).update(List.of(new Grant(Grant.Scope.NAMESPACE, granted.id(), dev.id(), "dev", Permission.MANAGE)));
            return null;
        });
        assertEquals(Permission.MANAGE, db.inTransaction(em -> new JpaGrants(em).of(Grant.Scope.NAMESPACE, granted.id())).get(0).auth());
        assertEquals(1, db.<Integer>inTransaction(em -> new JpaGrants(em).remove(Grant.Scope.NAMESPACE, granted.id(), List.of(dev.id()))));
        assertEquals(List.of(), names(new NamespaceQuery(account.id(), dev.id(), false, null, 0, 10)));
        db.inTransaction(em -> {
            new JpaImageRepositories(em).remove(single);
            return null;
        });
        assertEquals(List.of(), db.inTransaction(em -> new JpaGrants(em).of(Grant.Scope.REPOSITORY, single.id())),
                "a repository's grants go with it");
        assertEquals(0, inGranted.numImages());
    }
}
