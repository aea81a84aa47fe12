package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.domain.trigger.Triggers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triggers and deliveries on MariaDB: a duplicate name is a conflict, a claimed delivery is not claimed twice. */
class JpaTriggersTest {

    @Test
    void deliveriesAreClaimedOnceRecordedAndGoWithTheirTrigger() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Account a = new Account(Identifiers.newId(), new AccountName("hooks"), Identifiers.newId(), false, now);
            db.inTransaction(em -> new JpaAccounts(em).add(a));
            Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("team"), a.id(), "u1", "carol"));
            ImageRepository repo = db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName("app"),
                    new RepositoryDetails(Category.OTHER, "", false), "u1", "carol"));
            Trigger draft = new Trigger(0, repo.id(), "deploy", "update", "deployments", "web", null, null, "default",
                    ".*", null, true, "cce", "all", "https://hooks.example/x", "sealed", "carol", now);
            db.inTransaction(em -> {
                new JpaTriggers(em).add(draft);
                return null;
            });
            assertEquals(Failure.EXISTS, assertThrows(WharfException.class, () -> db.inTransaction(em -> {
                new JpaTriggers(em).add(draft);
                return null;
            })).failure());
            Trigger stored = db.inTransaction(em -> new JpaTriggers(em).byName(repo.id(), "deploy")).orElseThrow();
            assertEquals("carol", stored.creatorName());

            db.inTransaction(em -> {
                for (String tag : List.of("v1", "v2")) {
                    new JpaTriggers(em).queue(new TriggerDelivery(0, stored.id(), tag, "sha256:" + "b".repeat(64), "carol",
                            "{}", TriggerDelivery.PENDING, 0, 0, 0, "", now, now));
                }
                return null;
            });
            List<TriggerDelivery> first = db.inTransaction(em -> new JpaTriggers(em).claimDue(now.plusSeconds(1),
                    now.plusSeconds(60), 10, account -> 1)).stream().map(Triggers.Due::delivery).toList();
            assertEquals(1, first.size(), "an account's room bounds what is claimed of it");
            List<Triggers.Due> second = db.inTransaction(em -> new JpaTriggers(em).claimDue(now.plusSeconds(1),
                    now.plusSeconds(60), 10, account -> 2));
            assertEquals(List.of(a.id()), second.stream().map(Triggers.Due::accountId).toList(), "the repository's account");
            List<TriggerDelivery> claimed = List.of(first.get(0), second.get(0).delivery());
            assertTrue(db.inTransaction(em -> new JpaTriggers(em).claimDue(now.plusSeconds(2), now.plusSeconds(60), 10,
                    account -> 4)).isEmpty(), "a claimed delivery waits for its lease");
            TriggerDelivery d = claimed.get(0);
            db.inTransaction(em -> {
                new JpaTriggers(em).attempted(new TriggerDelivery(d.id(), d.triggerId(), d.tag(), d.digest(), d.pusher(),
                        d.payload(), TriggerDelivery.SUCCESS, 1, 204, 12, "", d.createdAt(), now));
                return null;
            });
            List<TriggerDelivery> history = db.inTransaction(em -> new JpaTriggers(em).deliveries(stored.id(), 0, 10));
            assertEquals(List.of("v2", "v1"), history.stream().map(TriggerDelivery::tag).toList());
            assertEquals(204, history.stream().filter(h -> h.id() == d.id()).findFirst().orElseThrow().responseCode());

            db.inTransaction(em -> new JpaTriggers(em).remove(repo.id(), "deploy"));
            assertEquals(0L, (long) db.inTransaction(em -> new JpaTriggers(em).countDeliveries(stored.id())));
        }
    }

    @Test
    void oneAccountsLongBacklogNeverHidesAnotherAccountsDelivery() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Trigger> triggers = new java.util.ArrayList<>();
            for (String name : List.of("busy", "quiet")) {
                Account a = new Account(Identifiers.newId(), new AccountName(name), Identifiers.newId(), false, now);
                db.inTransaction(em -> new JpaAccounts(em).add(a));
                Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName(name + "-org"), a.id(),
                        "u1", "carol"));
                ImageRepository repo = db.inTransaction(em -> new JpaImageRepositories(em).add(ns,
                        new RepositoryName("app"), new RepositoryDetails(Category.OTHER, "", false), "u1", "carol"));
                db.inTransaction(em -> {
                    new JpaTriggers(em).add(new Trigger(0, repo.id(), "hook", "update", null, null, null, null, null,
                            ".*", null, true, "webhook", "all", "https://hooks.example/x", "sealed", "carol", now));
                    return null;
                });
                triggers.add(db.inTransaction(em -> new JpaTriggers(em).byName(repo.id(), "hook")).orElseThrow());
            }
            db.inTransaction(em -> {
                for (int i = 0; i < 200; i++) {
                    new JpaTriggers(em).queue(new TriggerDelivery(0, triggers.get(0).id(), "t" + i, "sha256:" + "c".repeat(64),
                            "carol", "{}", TriggerDelivery.PENDING, 0, 0, 0, "", now, now.minusSeconds(300 - i)));
                }
                new JpaTriggers(em).queue(new TriggerDelivery(0, triggers.get(1).id(), "q", "sha256:" + "d".repeat(64),
                        "carol", "{}", TriggerDelivery.PENDING, 0, 0, 0, "", now, now));
                return null;
            });
            List<Triggers.Due> claimed = db.inTransaction(em -> new JpaTriggers(em).claimDue(now.plusSeconds(1),
                    now.plusSeconds(60), 4, account -> 2));
            assertEquals(3, claimed.size(), "two of the busy account's, one of the quiet one's: " + claimed);
            assertTrue(claimed.stream().anyMatch(d -> d.delivery().tag().equals("q")), "the quiet account's delivery");
        }
    }
}
