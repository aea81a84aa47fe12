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
import io.wharf.domain.usage.AccountOverview;
import io.wharf.domain.usage.DailyUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An account's usage on MariaDB: live counts, pulled bytes added per day, the day's storage snapshot replaced. */
class JpaUsageReportsTest {

    @Test
    void countsAddUpAndADaysSnapshotIsReplaced() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Account a = new Account(Identifiers.newId(), new AccountName("usage"), Identifiers.newId(), false,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            db.inTransaction(em -> new JpaAccounts(em).add(a));
            Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("team"), a.id(), "u1", "carol"));
            ImageRepository repo = db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName("app"),
                    new RepositoryDetails(Category.OTHER, "", false), "u1", "carol"));
            db.sql("UPDATE image_repository SET size_bytes = 3000, num_images = 2 WHERE id = " + repo.id());
            LocalDate today = LocalDate.parse("2026-11-30");
            db.inTransaction(em -> {
                JpaUsageReports usage = new JpaUsageReports(em);
                usage.snapshotStorage(today.minusDays(1));
                usage.addDownflow(a.id(), today, 100);
                usage.addDownflow(a.id(), today, 50);
                return null;
            });
            db.sql("UPDATE image_repository SET size_bytes = 5000 WHERE id = " + repo.id());
            db.inTransaction(em -> {
                new JpaUsageReports(em).snapshotStorage(today);
                new JpaUsageReports(em).snapshotStorage(today);
                return null;
            });
            AccountOverview overview = db.inTransaction(em -> new JpaUsageReports(em).overview(a.id()));
            assertEquals(new AccountOverview(1, 1, 2, 5000, 150), overview);
            assertEquals(List.of(new DailyUsage(today.minusDays(1), 3000, 0), new DailyUsage(today, 5000, 150)),
                    db.inTransaction(em -> new JpaUsageReports(em).daily(a.id(), today.minusDays(29), today)));
        }
    }
}
