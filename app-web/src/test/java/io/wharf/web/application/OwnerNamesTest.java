package io.wharf.web.application;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Caller;
import io.wharf.web.fakes.InMemoryAccounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OwnerNamesTest {
    private final Caller caller = new Caller("u1", "boss", "a1", "team-a", "p1", true, false);

    @Test
    void theCallersOwnAccountIsNamedByItsTokenAndOthersInOneRead() {
        InMemoryAccounts accounts = InMemoryAccounts.of(caller);
        accounts.add(new Account("a2", new AccountName("team-b"), "p2", false, Instant.EPOCH));
        List<Collection<String>> reads = new java.util.ArrayList<>();
        OwnerNames names = OwnerNames.of(caller, new io.wharf.domain.account.Accounts() {
            @Override
            public Account add(Account account) {
                return accounts.add(account);
            }

            @Override
            public java.util.Optional<Account> byId(String id) {
                return accounts.byId(id);
            }

            @Override
            public java.util.Optional<Account> byName(AccountName name) {
                return accounts.byName(name);
            }

            @Override
            public java.util.Optional<Account> system() {
                return accounts.system();
            }

            @Override
            public List<Account> list(int offset, int limit) {
                return accounts.list(offset, limit);
            }

            @Override
            public long count() {
                return accounts.count();
            }

            @Override
            public Map<String, String> namesOf(Collection<String> ids) {
                reads.add(List.copyOf(ids));
                return accounts.namesOf(ids);
            }
        }, List.of("a1", "a2", "a2", "a1"));
        assertEquals("team-a", names.of("a1"));
        assertEquals("team-b", names.of("a2"));
        assertEquals(List.of(List.of("a2")), reads);
    }

    @Test
    void anOwnerThatNoLongerExistsIsNamedEmpty() {
        assertEquals("", OwnerNames.of(caller, InMemoryAccounts.of(caller), List.of("gone")).of("gone"));
    }
}
