package io.wharf.web.application;

import io.wharf.domain.account.Accounts;
import io.wharf.domain.account.Caller;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names of the accounts that own what a page shows: the caller's own account named by its token, the others read
 * together in one query. An owner that no longer exists is named "".
 */
final class OwnerNames {
    private final Map<String, String> names;

    private OwnerNames(Map<String, String> names) {
        this.names = names;
    }

    static OwnerNames of(Caller caller, Accounts accounts, Collection<String> ownerIds) {
        Set<String> others = ownerIds.stream().filter(id -> !id.equals(caller.accountId())).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>(others.isEmpty() ? Map.of() : accounts.namesOf(others));
        names.put(caller.accountId(), caller.accountName());
        return new OwnerNames(names);
    }

    String of(String accountId) {
        return names.getOrDefault(accountId, "");
    }
}
