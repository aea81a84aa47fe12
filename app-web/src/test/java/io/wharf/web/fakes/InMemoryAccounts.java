package io.wharf.web.fakes;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Accounts in a map, unique by name as the table is. */
public final class InMemoryAccounts implements Accounts {
    private final Map<String, Account> accounts = new ConcurrentSkipListMap<>();

    /** The accounts of the given callers. */
    public static InMemoryAccounts of(Caller... callers) {
        InMemoryAccounts found = new InMemoryAccounts();
        for (Caller c : callers) {
            if (found.byId(c.accountId()).isEmpty()) {
                found.add(new Account(c.accountId(), new AccountName(c.accountName()), c.projectId(), false, Instant.EPOCH));
            }
        }
        return found;
    }

    @Override
    public Account add(Account account) {
        if (byName(account.name()).isPresent()) {
            throw WharfException.exists(Subject.ACCOUNT, "The account " + account.name() + " already exists.");
        }
        accounts.put(account.id(), account);
        return account;
    }

    @Override
    public Optional<Account> byId(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Account> byName(AccountName name) {
        return accounts.values().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Account> system() {
        return accounts.values().stream().filter(Account::system).findFirst();
    }

    @Override
    public List<Account> list(int offset, int limit) {
        return accounts.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long count() {
        return accounts.size();
    }
}
