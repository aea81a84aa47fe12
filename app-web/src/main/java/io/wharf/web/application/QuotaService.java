package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.quota.Quota;
import io.wharf.domain.quota.QuotaKey;
import io.wharf.domain.quota.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Quotas: each account's limits on organizations, repositories and storage — the operator's defaults
 * ({@code WHARF_QUOTA_NAMESPACES}, {@code WHARF_QUOTA_REPOSITORIES}, {@code WHARF_QUOTA_STORAGE_MIB}; unset: no
 * limit) unless a Wharf administrator set the account's own. A create or push that a limit applies to locks the
 * account's row, counts and adds in one transaction, so racing requests cannot together pass a limit; an account
 * without limits is neither locked nor counted.
 */
@ApplicationScoped
public class QuotaService implements QuotaCheck {
    @Inject
    Quotas quotas;
    @Inject
    Accounts accounts;

    private final ShortCache<String, Map<QuotaKey, Long>> own = new ShortCache<>();
    private Map<QuotaKey, Long> defaults = Map.of(
            QuotaKey.NAMESPACE, setting("WHARF_QUOTA_NAMESPACES"),
            QuotaKey.REPOSITORY, setting("WHARF_QUOTA_REPOSITORIES"),
            QuotaKey.STORAGE, setting("WHARF_QUOTA_STORAGE_MIB"));

    protected QuotaService() {
    }

    /** For tests over in-memory ports, with the operator's defaults given. */
    QuotaService(Quotas quotas, Accounts accounts, Map<QuotaKey, Long> defaults) {
        this.quotas = quotas;
        this.accounts = accounts;
        this.defaults = defaults;
    }

    private static long setting(String name) {
        return WharfSettings.value(name).map(v -> Quota.checkLimit(Long.parseLong(v.strip()), name)).orElse(Quota.UNLIMITED);
    }

    /** The quotas of the project's account: its own caller's, or any for a Wharf administrator. */
    @UseCase
    public List<Quota> list(Caller caller, String projectId) {
        return quotasOf(account(caller, projectId));
    }

    /** As {@link #list}, the account named (the console's form). */
    @UseCase
    public List<Quota> listNamed(Caller caller, String accountName) {
        return quotasOf(named(caller, accountName));
    }

    /** As {@link #set}, the account named (the console's form). */
    @UseCase
    public void setNamed(Caller caller, String accountName, Map<QuotaKey, Long> limits) {
        set(caller, named(caller, accountName).projectId(), limits);
    }

    private List<Quota> quotasOf(Account account) {
        Map<QuotaKey, Long> limits = limits(account.id());
        return Arrays.stream(QuotaKey.values()).map(k -> {
            long used = quotas.used(account.id(), k);
            return new Quota(k, limits.get(k), k == QuotaKey.STORAGE ? (used + Quota.MIB - 1) / Quota.MIB : used);
        }).toList();
    }

    /** Sets (or, with {@code null}, resets to the default) the limits of an account: Wharf's administrators only. */
    @UseCase
    public void set(Caller caller, String projectId, Map<QuotaKey, Long> limits) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators set quotas.");
        }
        Account account = account(caller, projectId);
        limits.forEach((key, limit) -> quotas.setLimit(account.id(), key, limit));
        own.forget(account.id());
    }

    @Override
    public boolean limits(String accountId, QuotaKey key) {
        return limits(accountId).get(key) != Quota.UNLIMITED;
    }

    @Override
    public void requireRoom(String accountId, QuotaKey key, long amount) {
        long limit = limits(accountId).get(key);
        if (limit == Quota.UNLIMITED) {
            return;
        }
        quotas.lock(accountId);
        Quota.requireRoom(key, limit, quotas.used(accountId, key), amount);
    }

    /** The limits that apply; an account's own are read at most every few seconds (every blob of a push asks). */
    private Map<QuotaKey, Long> limits(String accountId) {
        Map<QuotaKey, Long> all = new java.util.EnumMap<>(defaults);
        all.putAll(own.get(accountId, quotas::limits));
        return all;
    }

    private Account named(Caller caller, String accountName) {
        if (caller.accountName().equals(accountName)) {
            return accounts.byId(caller.accountId()).orElseThrow();
        }
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators see other accounts' quotas.");
        }
        return accounts.byName(new io.wharf.domain.account.AccountName(accountName)).orElseThrow(() -> WharfException.notFound(Subject.ACCOUNT, "There is no account " + accountName + "."));
    }

    private Account account(Caller caller, String projectId) {
        if (caller.projectId().equals(projectId)) {
            return accounts.byId(caller.accountId()).orElseThrow();
        }
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("The project " + projectId + " is not the caller's project.");
        }
        return accounts.byProject(projectId).orElseThrow(() -> WharfException.notFound(Subject.ACCOUNT,
                "There is no account with the project " + projectId + "."));
    }
}
