package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.domain.retention.TagSelector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention policies and their records on MariaDB: rules round-trip, records page newest first, a repository's delete takes them. */
class JpaRetentionsTest {

    @Test
    void policiesAndRecordsRoundTripAndGoWithTheirRepository() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Account a = new Account(Identifiers.newId(), new AccountName("kept"), Identifiers.newId(), false,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            db.inTransaction(em -> new JpaAccounts(em).add(a));
            Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("team"), a.id(), "u1", "carol"));
            ImageRepository repo = db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName("app"),
                    new RepositoryDetails(Category.OTHER, "", false), "u1", "carol"));
            List<RetentionRule> rules = List.of(new RetentionRule("tag_rule", 3, List.of(new TagSelector("label", "prod"),
                    new TagSelector("regexp", "^v1\\\\..*$"))), new RetentionRule("date_rule", 30, List.of()));
            RetentionPolicy added = db.inTransaction(em -> new JpaRetentions(em).add(repo.id(), "or", rules));
            assertEquals(added, db.inTransaction(em -> new JpaRetentions(em).byId(repo.id(), added.id())).orElseThrow());
            assertTrue(db.inTransaction(em -> new JpaRetentions(em).byId(repo.id() + 1, added.id())).isEmpty(),
                    "a policy belongs to its repository");

            RetentionPolicy changed = new RetentionPolicy(added.id(), repo.id(), "or", List.of(rules.get(1)));
            db.inTransaction(em -> {
                new JpaRetentions(em).update(changed);
                for (int i = 0; i < 3; i++) {
                    new JpaRetentions(em).record(new RetentionRecord(0, added.id(), "team", "app", "v" + i,
                            rules.get(0).json(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
                }
                return null;
            });
            assertEquals(List.of(changed), db.inTransaction(em -> new JpaRetentions(em).of(repo.id())));
            assertEquals(List.of("v2", "v1"), db.inTransaction(em -> new JpaRetentions(em).records(repo.id(), 0, 2))
                    .stream().map(RetentionRecord::tag).toList());
            assertEquals(3L, (long) db.inTransaction(em -> new JpaRetentions(em).countRecords(repo.id())));

            db.inTransaction(em -> {
                new JpaImageRepositories(em).remove(repo);
                return null;
            });
            assertTrue(db.inTransaction(em -> new JpaRetentions(em).of(repo.id())).isEmpty());
            assertEquals(0L, (long) db.inTransaction(em -> new JpaRetentions(em).countRecords(repo.id())));
            boolean removed = db.inTransaction(em -> new JpaRetentions(em).remove(repo.id(), added.id()));
            assertFalse(removed, "gone with its repository");
        }
    }

    @Test
    void runsAreOnePerRepositoryAndTwoPerAccountAndKeepTheirOutcome() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Account a = new Account(Identifiers.newId(), new AccountName("runs"), Identifiers.newId(), false, now);
            db.inTransaction(em -> new JpaAccounts(em).add(a));
            Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("team"), a.id(), "u1", "carol"));
            List<ImageRepository> repos = new java.util.ArrayList<>();
            for (String name : List.of("one", "two", "three")) {
                repos.add(db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName(name),
                        new RepositoryDetails(Category.OTHER, "", false), "u1", "carol")));
            }
            java.util.function.Function<ImageRepository, RetentionRun> run = r -> new RetentionRun(0, 7, r.id(), a.id(),
                    false, RetentionRun.RUNNING, List.of(), 0, "", "carol", now, null);
            RetentionRun first = db.inTransaction(em -> new JpaRetentions(em).startRun(run.apply(repos.get(0)), "n1"));
            assertEquals(io.wharf.domain.error.Failure.BUSY, org.junit.jupiter.api.Assertions.assertThrows(
                    io.wharf.domain.error.WharfException.class, () -> db.inTransaction(em ->
                            new JpaRetentions(em).startRun(run.apply(repos.get(0)), "n1"))).failure(), "one per repository");
            db.inTransaction(em -> new JpaRetentions(em).startRun(run.apply(repos.get(1)), "n1"));
            assertEquals(io.wharf.domain.error.Failure.BUSY, org.junit.jupiter.api.Assertions.assertThrows(
                    io.wharf.domain.error.WharfException.class, () -> db.inTransaction(em ->
                            new JpaRetentions(em).startRun(run.apply(repos.get(2)), "n1"))).failure(), "two per account");

            db.inTransaction(em -> {
                new JpaRetentions(em).finishRun(first.done(List.of("v1", "v2"), now.plusSeconds(1)));
                return null;
            });
            RetentionRun ended = db.inTransaction(em -> new JpaRetentions(em).run(repos.get(0).id(), first.id())).orElseThrow();
            assertEquals(List.of("v1", "v2"), ended.removed());
            assertEquals(RetentionRun.DONE, ended.status());
            db.inTransaction(em -> new JpaRetentions(em).startRun(run.apply(repos.get(2)), "n1"));
            assertEquals(2, (int) db.inTransaction(em -> new JpaRetentions(em).failInterrupted(now.plusSeconds(2),
                    "stopped")), "n1 holds no lease: its running runs end failed");
        }
    }
}
