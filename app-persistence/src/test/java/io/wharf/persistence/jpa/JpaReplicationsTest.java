package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.replication.Region;
import io.wharf.domain.replication.RegionGrant;
import io.wharf.domain.replication.RemoteTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Region grants and the owners of tags at a site, on MariaDB: racing claims see one winner; a region takes its grants. */
class JpaReplicationsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static Account account(String name) {
        Account a = new Account(Identifiers.newId(), new AccountName(name), Identifiers.newId(), false, NOW);
        db.inTransaction(em -> new JpaAccounts(em).add(a));
        return a;
    }

    private static void region(String id) {
        db.inTransaction(em -> {
            new JpaReplications(em).addRegion(new Region(id, "https://" + id + ".example", null, null, NOW));
            return null;
        });
    }

    @Test
    void grantsAreKeptPerRegionAndGoWithIt() {
        Account acca = account("grants-a");
        region("grants-site");
        db.inTransaction(em -> {
            new JpaReplications(em).addGrant(new RegionGrant("grants-site", acca.id(), "grants-a", "team-*", NOW));
            return null;
        });
        WharfException twice = assertThrows(WharfException.class, () -> db.inTransaction(em -> {
            new JpaReplications(em).addGrant(new RegionGrant("grants-site", acca.id(), "grants-a", "team-*", NOW));
            return null;
        }));
        assertEquals(Failure.EXISTS, twice.failure());
        List<RegionGrant> grants = db.inTransaction(em -> new JpaReplications(em).grants("grants-site"));
        assertEquals(List.of("grants-a team-*"), grants.stream().map(g -> g.accountName() + " " + g.namespaces()).toList());
        db.inTransaction(em -> new JpaReplications(em).removeRegion("grants-site"));
        assertTrue(db.inTransaction(em -> new JpaReplications(em).grants("grants-site")).isEmpty());
    }

    @Test
    void racingClaimsOfOneRemoteTagSeeOneWinner() throws Exception {
        region("claims-site");
        List<String> accounts = List.of("acct-1", "acct-2", "acct-3", "acct-4", "acct-5", "acct-6");
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (String account : accounts) {
                claims.add(() -> db.inTransaction(em -> new JpaReplications(em)
                        .claim(new RemoteTag("claims-site", "prod/app", "1.0", account))));
            }
            List<String> owners = new ArrayList<>();
            for (Future<String> owner : pool.invokeAll(claims)) {
                owners.add(owner.get());
            }
            assertEquals(1, owners.stream().distinct().count(), "every claim answers the same owner: " + owners);
            assertTrue(accounts.contains(owners.get(0)));
            assertEquals(owners.get(0), db.inTransaction(em -> new JpaReplications(em)
                    .claim(new RemoteTag("claims-site", "prod/app", "1.0", "someone-else"))));
            assertEquals("someone-else", db.inTransaction(em -> new JpaReplications(em)
                    .claim(new RemoteTag("claims-site", "prod/app", "2.0", "someone-else"))), "another tag is free");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAccountRunsOneJobAtATimeAndAnotherAccountsJobIsClaimedBesideIt() {
        region("jobs-site");
        List<io.wharf.domain.repository.ImageRepository> repos = new ArrayList<>();
        for (String name : List.of("jobs-a", "jobs-b")) {
            Account owner = account(name);
            io.wharf.domain.namespace.Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(
                    new io.wharf.domain.namespace.NamespaceName(name + "-org"), owner.id(), "u1", "carol"));
            repos.add(db.inTransaction(em -> new JpaImageRepositories(em).add(ns,
                    new io.wharf.domain.repository.RepositoryName("app"), new io.wharf.domain.repository.RepositoryDetails(
                            io.wharf.domain.repository.Category.OTHER, "", false), "u1", "carol")));
        }
        db.inTransaction(em -> {
            JpaReplications replications = new JpaReplications(em);
            int[] perRepository = {3, 1};
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < perRepository[r]; i++) {
                    var repo = repos.get(r);
                    replications.addJob(new io.wharf.domain.replication.SyncJob(0, repo.id(), "", "app", repo.accountId(),
                            "", "jobs-site", "copies", "t" + i, false, io.wharf.domain.replication.SyncJob.WAITING, "", 0,
                            "u1", "carol", NOW, NOW, NOW.plusSeconds(r * 60L + i)));
                }
            }
            return null;
        });
        var claimed = db.inTransaction(em -> new JpaReplications(em).claimDue(NOW.plusSeconds(600), 2, "n1"));
        assertEquals(List.of(repos.get(0).id(), repos.get(1).id()), claimed.stream()
                .map(io.wharf.domain.replication.SyncJob::repositoryId).toList(), "one job of each account");
        assertTrue(db.inTransaction(em -> new JpaReplications(em).claimDue(NOW.plusSeconds(600), 2, "n1")).isEmpty(),
                "each account has its one job running");
    }
}
