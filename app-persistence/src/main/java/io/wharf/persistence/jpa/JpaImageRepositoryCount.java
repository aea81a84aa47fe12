package io.wharf.persistence.jpa;

import io.wharf.domain.namespace.ImageRepositoryCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaImageRepositoryCount implements ImageRepositoryCount {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaImageRepositoryCount() {
    }

    public JpaImageRepositoryCount(EntityManager em) {
        this.em = em;
    }

    @Override
    public long inNamespace(long namespaceId) {
        return em.createQuery("select count(r) from ImageRepositoryRow r where r.namespaceId = :ns", Long.class)
                .setParameter("ns", namespaceId).getSingleResult();
    }
}
