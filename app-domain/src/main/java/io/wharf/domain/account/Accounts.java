package io.wharf.domain.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts Wharf keeps. */
public interface Accounts {

    /** Stores a new account; a taken name fails as {@code Failure.EXISTS}. */
    Account add(Account account);

    Optional<Account> byId(String id);

    Optional<Account> byName(AccountName name);

    /** The names of the accounts with these ids that exist, by id (a page names the owners of what it lists). */
    default Map<String, String> namesOf(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        ids.forEach(id -> byId(id).ifPresent(a -> names.put(id, a.name().value())));
        return names;
    }

    Optional<Account> system();

    List<Account> list(int offset, int limit);

    long count();

    /** The account whose project is {@code projectId} (one project per account). */
    default Optional<Account> byProject(String projectId) {
        return list(0, Integer.MAX_VALUE).stream().filter(a -> a.projectId().equals(projectId)).findFirst();
    }
}
