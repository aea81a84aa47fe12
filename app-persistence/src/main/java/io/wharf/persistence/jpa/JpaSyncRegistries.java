package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.sync.SyncRegistries;
import io.wharf.domain.sync.SyncRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSyncRegistries implements SyncRegistries {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaSyncRegistries() {
    }

    public JpaSyncRegistries(EntityManager em) {
        this.em = em;
    }

    @Override
    public SyncRegistry add(SyncRegistry registry) {
        SyncRegistryRow row = new SyncRegistryRow(registry);
        Conflicts.persistOrConflict(em, row, Subject.SYNC_REGISTRY,
                "The registry " + registry.name() + " is already registered.");
        return row.toRegistry();
    }

    @Override
    public List<SyncRegistry> list(String accountId) {
        return em.createQuery("select r from SyncRegistryRow r where r.accountId = :account order by r.name",
                        SyncRegistryRow.class)
                .setParameter("account", accountId).setHint(Hints.READ_ONLY, true)
                .getResultList().stream().map(SyncRegistryRow::toRegistry).toList();
    }

    @Override
    public Optional<SyncRegistry> byId(String accountId, long id) {
        return Optional.ofNullable(em.find(SyncRegistryRow.class, id))
                .filter(r -> r.accountId.equals(accountId)).map(SyncRegistryRow::toRegistry);
    }

    @Override
    public void remove(SyncRegistry registry) {
        // The images synced from it leave the image list with it (their association rows by ON DELETE CASCADE).
        em.createQuery("delete from SyncedImageRow i where i.registryId = :id").setParameter("id", registry.id())
                .executeUpdate();
        em.createQuery("delete from SyncRegistryRow r where r.id = :id").setParameter("id", registry.id()).executeUpdate();
    }
}
