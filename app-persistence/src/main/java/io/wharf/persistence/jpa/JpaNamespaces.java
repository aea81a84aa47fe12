package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.domain.namespace.Namespaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaNamespaces implements Namespaces {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaNamespaces() {
    }

    public JpaNamespaces(EntityManager em) {
        this.em = em;
    }

    @Override
    public Namespace add(NamespaceName name, String accountId, String creatorId, String creatorName) {
        NamespaceRow row = new NamespaceRow();
        row.name = name.value();
        row.accountId = accountId;
        row.creatorId = creatorId;
        row.creatorName = creatorName;
        row.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Conflicts.persistOrConflict(em, row, Subject.ORGANIZATION,
                "The organization " + name + " already exists.");
        return row.toNamespace();
    }

    @Override
    public Optional<Namespace> byName(NamespaceName name) {
        return em.createQuery("select n from NamespaceRow n where n.name = :name", NamespaceRow.class)
                .setParameter("name", name.value())
                .getResultList().stream().findFirst().map(NamespaceRow::toNamespace);
    }

    @Override
    public List<Namespace> list(NamespaceQuery query) {
        // The order is one of two fixed clauses, never text from the request.
        String direction = query.descending() ? " desc" : "";
        String order = query.order() == NamespaceQuery.Order.CREATED
                ? " order by n.createdAt" + direction + ", n.name" : " order by n.name" + direction;
        return select(query, "select n", order, NamespaceRow.class)
                .setHint(Hints.READ_ONLY, true)
                .setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultList().stream().map(NamespaceRow::toNamespace).toList();
    }

    @Override
    public long count(NamespaceQuery query) {
        return select(query, "select count(n)", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> select(NamespaceQuery query, String projection, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(projection).append(" from NamespaceRow n where ")
                .append(VisibilityClauses.namespaces("n", query.visibleTo() == null, query.throughRepositories()));
        if (query.nameContains() != null) {
            jpql.append(" and n.name like :name escape '!'");
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type)
                .setParameter("account", query.accountId());
        if (query.visibleTo() != null) {
            typed.setParameter("user", query.visibleTo());
        }
        if (query.nameContains() != null) {
            typed.setParameter("name", Likes.containing(query.nameContains()));
        }
        return typed;
    }

    @Override
    public void remove(Namespace namespace) {
        em.createQuery("delete from GrantRow g where g.scope = 'NAMESPACE' and g.targetId = :id")
                .setParameter("id", namespace.id()).executeUpdate();
        em.createQuery("delete from NamespaceRow n where n.id = :id").setParameter("id", namespace.id()).executeUpdate();
    }
}
