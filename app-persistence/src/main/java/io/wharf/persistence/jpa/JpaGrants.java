package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Grants;
import io.wharf.domain.permission.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaGrants implements Grants {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaGrants() {
    }

    public JpaGrants(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Collection<Grant> grants) {
        for (Grant grant : grants) {
            Conflicts.persistOrConflict(em, new GrantRow(grant), Subject.GRANT,
                    "The user " + grant.userName() + " already holds a permission here; change it instead.");
        }
    }

    @Override
    public void update(Collection<Grant> grants) {
        for (Grant grant : grants) {
            GrantRow row = row(grant.scope(), grant.targetId(), grant.userId()).orElseThrow(() -> WharfException.notFound(
                    Subject.GRANT, "The user " + grant.userName() + " holds no permission here yet."));
            row.auth = grant.auth().auth();
        }
    }

    @Override
    public int remove(Grant.Scope scope, long targetId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from GrantRow g where g.scope = :scope and g.targetId = :target"
                        + " and g.userId in :users")
                .setParameter("scope", scope).setParameter("target", targetId).setParameter("users", userIds)
                .executeUpdate();
    }

    @Override
    public void removeAll(Grant.Scope scope, long targetId) {
        em.createQuery("delete from GrantRow g where g.scope = :scope and g.targetId = :target")
                .setParameter("scope", scope).setParameter("target", targetId).executeUpdate();
    }

    @Override
    public List<Grant> of(Grant.Scope scope, long targetId) {
        return em.createQuery("select g from GrantRow g where g.scope = :scope and g.targetId = :target"
                        + " order by g.userName", GrantRow.class)
                .setParameter("scope", scope).setParameter("target", targetId)
                .getResultList().stream().map(GrantRow::toGrant).toList();
    }

    @Override
    public Optional<Permission> held(Grant.Scope scope, long targetId, String userId) {
        return row(scope, targetId, userId).map(r -> Permission.ofAuth(r.auth));
    }

    private Optional<GrantRow> row(Grant.Scope scope, long targetId, String userId) {
        return em.createQuery("select g from GrantRow g where g.scope = :scope and g.targetId = :target"
                        + " and g.userId = :user", GrantRow.class)
                .setParameter("scope", scope).setParameter("target", targetId).setParameter("user", userId)
                .getResultList().stream().findFirst();
    }
}
