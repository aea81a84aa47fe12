package io.wharf.persistence.jpa;

import io.wharf.domain.credential.AccessKey;
import io.wharf.domain.credential.AccessKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccessKeys implements AccessKeys {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaAccessKeys() {
    }

    public JpaAccessKeys(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(AccessKey key) {
        em.persist(new AccessKeyRow(key));
    }

    @Override
    public Optional<AccessKey> byId(String accessKeyId) {
        return Optional.ofNullable(em.find(AccessKeyRow.class, accessKeyId)).map(AccessKeyRow::toAccessKey);
    }

    @Override
    public List<AccessKey> ofUser(String userId) {
        return em.createQuery("select k from AccessKeyRow k where k.userId = :user order by k.createdAt", AccessKeyRow.class)
                .setParameter("user", userId).getResultList().stream().map(AccessKeyRow::toAccessKey).toList();
    }

    @Override
    public void remove(AccessKey key) {
        em.createQuery("delete from AccessKeyRow k where k.accessKeyId = :id").setParameter("id", key.accessKeyId())
                .executeUpdate();
    }
}
