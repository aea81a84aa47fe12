package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.quota.Quota;
import io.wharf.domain.quota.QuotaKey;
import io.wharf.web.fakes.InMemoryAccounts;
import io.wharf.web.fakes.InMemoryQuotas;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Quotas over in-memory ports: defaults, an administrator's own limits, the check creates and pushes make. */
class QuotaServiceTest {
    private static final Caller ROOT = new Caller("root", "root", "acct-s", "system", "ps", true, true);
    private final InMemoryQuotas quotas = new InMemoryQuotas();
    private final InMemoryAccounts accounts = InMemoryAccounts.of(ADMIN, OUTSIDER, ROOT);
    private final QuotaService service = new QuotaService(quotas, accounts, Map.of(QuotaKey.NAMESPACE, 2L,
            QuotaKey.REPOSITORY, Quota.UNLIMITED, QuotaKey.STORAGE, Quota.UNLIMITED));

    @Test
    void theDefaultsApplyUntilAnAdministratorSetsTheAccountsOwn() {
        quotas.used.put(QuotaKey.NAMESPACE, 2L);
        assertEquals(Failure.LIMIT_REACHED, assertThrows(WharfException.class,
                () -> service.requireRoom(ADMIN.accountId(), QuotaKey.NAMESPACE, 1)).failure());
        service.set(ROOT, ADMIN.projectId(), Map.of(QuotaKey.NAMESPACE, 3L));
        assertDoesNotThrow(() -> service.requireRoom(ADMIN.accountId(), QuotaKey.NAMESPACE, 1));
        assertEquals(List.of(3L, -1L, -1L), service.list(ADMIN, ADMIN.projectId()).stream().map(Quota::limit).toList());
    }

    @Test
    void storageIsCountedInBytesAgainstMebibytes() {
        service.set(ROOT, ADMIN.projectId(), Map.of(QuotaKey.STORAGE, 1L));
        quotas.used.put(QuotaKey.STORAGE, 600_000L);
        assertDoesNotThrow(() -> service.requireRoom(ADMIN.accountId(), QuotaKey.STORAGE, 400_000));
        WharfException over = assertThrows(WharfException.class,
                () -> service.requireRoom(ADMIN.accountId(), QuotaKey.STORAGE, 500_000));
        assertEquals("The account's quota of 1 MiB of storage is reached (1 MiB used, 1 MiB more asked); ask a Wharf"
                + " administrator to raise it.", over.getMessage());
        assertEquals(1L, service.list(ADMIN, ADMIN.projectId()).get(2).used(), "use is shown in MiB, rounded up");
    }

    @Test
    void anAccountWithoutLimitsIsNeitherLockedNorCounted() {
        service.requireRoom(ADMIN.accountId(), QuotaKey.STORAGE, Long.MAX_VALUE / 2);
        assertEquals(0, quotas.locks);
        service.requireRoom(ADMIN.accountId(), QuotaKey.NAMESPACE, 1);
        assertEquals(1, quotas.locks, "a limited check locks the account's row first");
    }

    @Test
    void onlyWharfsAdministratorsSetQuotasOrReadOtherAccounts() {
        Map<QuotaKey, Long> limits = new EnumMap<>(QuotaKey.class);
        limits.put(QuotaKey.REPOSITORY, 5L);
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.set(ADMIN, ADMIN.projectId(), limits)).failure(), "an account administrator is not enough");
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.list(ADMIN, OUTSIDER.projectId())).failure());
        service.set(ROOT, OUTSIDER.projectId(), limits);
        assertEquals(5L, service.listNamed(ROOT, OUTSIDER.accountName()).get(1).limit());
        limits.put(QuotaKey.REPOSITORY, null);
        service.set(ROOT, OUTSIDER.projectId(), limits);
        assertEquals(Quota.UNLIMITED, service.list(OUTSIDER, OUTSIDER.projectId()).get(1).limit(), "null: the default again");
    }
}
