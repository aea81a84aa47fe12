package io.wharf.persistence.jpa;

import io.wharf.domain.token.AuthToken;
import io.wharf.domain.token.AuthTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaAuthTokens implements AuthTokens {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaAuthTokens() {
    }

    public JpaAuthTokens(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(AuthToken token) {
        em.persist(new AuthTokenRow(token));
    }

    @Override
    public Optional<AuthToken> byDigest(String digest) {
        return Optional.ofNullable(em.find(AuthTokenRow.class, digest)).map(AuthTokenRow::toToken);
    }

    @Override
    public Optional<Holder> withHolder(String digest) {
        return em.createQuery("select t, u, a from AuthTokenRow t, UserRow u, AccountRow a where t.digest = :digest"
                        + " and u.id = t.userId and a.id = u.accountId", Object[].class)
                .setParameter("digest", digest).setHint(Hints.READ_ONLY, true).getResultList().stream().findFirst()
                .map(row -> new Holder(((AuthTokenRow) row[0]).toToken(), ((UserRow) row[1]).toUser(),
                        ((AccountRow) row[2]).toAccount()));
    }

    @Override
    public boolean remove(String digest) {
        return em.createQuery("delete from AuthTokenRow t where t.digest = :digest")
                .setParameter("digest", digest).executeUpdate() > 0;
    }

    @Override
    public int removeOfUser(String userId) {
        return em.createQuery("delete from AuthTokenRow t where t.userId = :user").setParameter("user", userId)
                .executeUpdate();
    }

    @Override
    public int removeExpired(Instant now) {
        return em.createQuery("delete from AuthTokenRow t where t.expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
