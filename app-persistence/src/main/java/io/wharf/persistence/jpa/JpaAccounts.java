package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Accounts;
import io.wharf.domain.error.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class JpaAccounts implements Accounts {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaAccounts() {
    }

    public JpaAccounts(EntityManager em) {
        this.em = em;
    }

    @Override
    public Account add(Account account) {
        Conflicts.persistOrConflict(em, new AccountRow(account), Subject.ACCOUNT,
                "The account " + account.name() + " already exists.");
        return account;
    }

    @Override
    public Optional<Account> byId(String id) {
        return Optional.ofNullable(em.find(AccountRow.class, id)).map(AccountRow::toAccount);
    }

    /**
     * Account names already read, by id. Exact forever: no API renames an account and ids are never reused, and a name
     * grants nothing (the permission checks never read it from here). Bounded: emptied when full.
     */
    private final Map<String, String> knownNames = new ConcurrentHashMap<>();
    private static final int KNOWN_NAMES_LIMIT = 10_000;

    @Override
    public Map<String, String> namesOf(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        ids.forEach(id -> {
            String known = knownNames.get(id);
            if (known != null) {
                names.put(id, known);
            } else {
                unknown.add(id);
            }
        });
        if (unknown.isEmpty()) {
            return names;
        }
        if (knownNames.size() >= KNOWN_NAMES_LIMIT) {
            knownNames.clear();
        }
        InList.bind(em.createQuery("select a.id, a.name from AccountRow a where a.id in "
                        + InList.of("ids", unknown.size()), Object[].class), "ids", unknown).getResultList()
                .forEach(row -> {
                    names.put((String) row[0], (String) row[1]);
                    knownNames.put((String) row[0], (String) row[1]);
                });
        return names;
    }

    @Override
    public Optional<Account> byName(AccountName name) {
        return em.createQuery("select a from AccountRow a where a.name = :name", AccountRow.class)
                .setParameter("name", name.value())
                .getResultList().stream().findFirst().map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> system() {
        return em.createQuery("select a from AccountRow a where a.system = true", AccountRow.class)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(AccountRow::toAccount);
    }

    @Override
    public List<Account> list(int offset, int limit) {
        return em.createQuery("select a from AccountRow a order by a.name", AccountRow.class)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(AccountRow::toAccount).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(a) from AccountRow a", Long.class).getSingleResult();
    }
}
