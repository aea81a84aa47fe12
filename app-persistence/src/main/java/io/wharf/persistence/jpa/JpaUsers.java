package io.wharf.persistence.jpa;

import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.error.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUsers implements Users {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaUsers() {
    }

    public JpaUsers(EntityManager em) {
        this.em = em;
    }

    @Override
    public User add(User user) {
        Conflicts.persistOrConflict(em, new UserRow(user), Subject.USER,
                "The user " + user.name() + " already exists.");
        return user;
    }

    @Override
    public Optional<User> byId(String id) {
        return Optional.ofNullable(em.find(UserRow.class, id)).map(UserRow::toUser);
    }

    @Override
    public Optional<String> consoleLanguage(String userId) {
        List<?> found = em.createNativeQuery("SELECT console_language FROM account_user WHERE id = ?1")
                .setParameter(1, userId).getResultList();
        return found.stream().filter(java.util.Objects::nonNull).map(String::valueOf).findFirst();
    }

    @Override
    public void setConsoleLanguage(String userId, String languageTag) {
        em.createNativeQuery("UPDATE account_user SET console_language = ?1 WHERE id = ?2")
                .setParameter(1, languageTag).setParameter(2, userId).executeUpdate();
    }

    @Override
    public void changePassword(String userId, String passwordHash, boolean changeRequired, java.time.Instant at) {
        em.createQuery("update UserRow u set u.passwordHash = :hash, u.passwordChangeRequired = :required,"
                        + " u.credentialsChangedAt = :at where u.id = :id")
                .setParameter("hash", passwordHash).setParameter("required", changeRequired).setParameter("at", at)
                .setParameter("id", userId).executeUpdate();
    }

    @Override
    public void lock(String id) {
        em.find(UserRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public Optional<User> byName(String accountId, UserName name) {
        return em.createQuery("select u from UserRow u where u.accountId = :account and u.name = :name", UserRow.class)
                .setParameter("account", accountId)
                .setParameter("name", name.value())
                .getResultList().stream().findFirst().map(UserRow::toUser);
    }

    @Override
    public List<User> ofAccount(String accountId, int offset, int limit) {
        return em.createQuery("select u from UserRow u where u.accountId = :account order by u.name", UserRow.class)
                .setParameter("account", accountId)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(UserRow::toUser).toList();
    }

    @Override
    public long countOfAccount(String accountId) {
        return em.createQuery("select count(u) from UserRow u where u.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
    }
}
