package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.quota.QuotaKey;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Quota limits and use on MariaDB: limits set and reset, organizations, repositories and linked bytes counted. */
class JpaQuotasTest {

    @Test
    void limitsRoundTripAndUseIsCounted() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Account a = new Account(Identifiers.newId(), new AccountName("quota"), Identifiers.newId(), false, now);
            db.inTransaction(em -> new JpaAccounts(em).add(a));
            Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("team"), a.id(), "u1", "carol"));
            ImageRepository repo = db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName("app"),
                    new RepositoryDetails(Category.OTHER, "", false), "u1", "carol"));
            db.inTransaction(em -> {
                new JpaManifests(em).link(repo.id(), "sha256:" + "1".repeat(64), 3_000_000, now);
                new JpaManifests(em).link(repo.id(), "sha256:" + "2".repeat(64), 500, now);
                new JpaQuotas(em).setLimit(a.id(), QuotaKey.STORAGE, 10L);
                new JpaQuotas(em).setLimit(a.id(), QuotaKey.NAMESPACE, 2L);
                new JpaQuotas(em).setLimit(a.id(), QuotaKey.NAMESPACE, 3L);
                return null;
            });
            assertEquals(Map.of(QuotaKey.STORAGE, 10L, QuotaKey.NAMESPACE, 3L), db.inTransaction(em -> new JpaQuotas(em).limits(a.id())));
            assertEquals(3_000_500L, (long) db.inTransaction(em -> {
                new JpaQuotas(em).lock(a.id());
                return new JpaQuotas(em).used(a.id(), QuotaKey.STORAGE);
            }));
            assertEquals(1L, (long) db.inTransaction(em -> new JpaQuotas(em).used(a.id(), QuotaKey.NAMESPACE)));
            assertEquals(1L, (long) db.inTransaction(em -> new JpaQuotas(em).used(a.id(), QuotaKey.REPOSITORY)));
            db.inTransaction(em -> {
                new JpaQuotas(em).setLimit(a.id(), QuotaKey.STORAGE, null);
                return null;
            });
            assertEquals(Map.of(QuotaKey.NAMESPACE, 3L), db.inTransaction(em -> new JpaQuotas(em).limits(a.id())));
        }
    }
}
