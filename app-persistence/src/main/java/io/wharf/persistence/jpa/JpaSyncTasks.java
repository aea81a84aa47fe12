package io.wharf.persistence.jpa;

import io.wharf.domain.sync.RegistryQuery;
import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.SyncRegistry;
import io.wharf.domain.sync.SyncTask;
import io.wharf.domain.sync.SyncTasks;
import io.wharf.domain.sync.TaskRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSyncTasks implements SyncTasks {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaSyncTasks() {
    }

    public JpaSyncTasks(EntityManager em) {
        this.em = em;
    }

    @Override
    public SyncTask create(String accountId, String createdBy, List<SyncRegistry> registries, Instant now) {
        SyncTaskRow task = new SyncTaskRow();
        task.accountId = accountId;
        task.createdBy = createdBy;
        task.createdAt = now;
        em.persist(task);
        em.flush();
        for (SyncRegistry registry : registries) {
            SyncTaskRegistryRow row = new SyncTaskRegistryRow();
            row.taskId = task.id;
            row.registryId = registry.id();
            row.registryName = registry.name();
            row.registryType = registry.type().name();
            row.syncStatus = TaskRegistry.RUNNING;
            row.failedReason = "";
            row.updatedAt = now;
            em.persist(row);
        }
        em.flush();
        return toTask(task);
    }

    private SyncTask toTask(SyncTaskRow task) {
        List<TaskRegistry> registries = em.createQuery("select r from SyncTaskRegistryRow r where r.taskId = :task"
                        + " order by r.registryName", SyncTaskRegistryRow.class)
                .setParameter("task", task.id).getResultStream().map(SyncTaskRegistryRow::toTaskRegistry).toList();
        return new SyncTask(task.id, task.accountId, task.createdBy, task.createdAt, registries);
    }

    @Override
    public Optional<SyncTask> byId(String accountId, long id) {
        return Optional.ofNullable(em.find(SyncTaskRow.class, id)).filter(t -> t.accountId.equals(accountId))
                .map(this::toTask);
    }

    @Override
    public List<SyncTask> list(String accountId, int offset, int limit) {
        return em.createQuery("select t from SyncTaskRow t where t.accountId = :account order by t.createdAt desc, t.id desc",
                        SyncTaskRow.class)
                .setParameter("account", accountId).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(this::toTask).toList();
    }

    @Override
    public List<TaskRegistry> registries(RegistryQuery query) {
        return select(query, "select r", " order by r.registryName, r.registryId", SyncTaskRegistryRow.class)
                .setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultStream().map(SyncTaskRegistryRow::toTaskRegistry).toList();
    }

    @Override
    public long countRegistries(RegistryQuery query) {
        return select(query, "select count(r)", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> select(RegistryQuery query, String projection, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(projection).append(" from SyncTaskRegistryRow r where r.taskId = :task");
        if (query.nameContains() != null) {
            jpql.append(" and r.registryName like :name escape '!'");
        }
        if (!query.types().isEmpty()) {
            jpql.append(" and r.registryType in :types");
        }
        if (query.syncStatus() != null) {
            jpql.append(" and r.syncStatus = :status");
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type).setParameter("task", query.taskId());
        if (query.nameContains() != null) {
            typed.setParameter("name", Likes.containing(query.nameContains()));
        }
        if (!query.types().isEmpty()) {
            typed.setParameter("types", query.types().stream().map(RegistryType::name).toList());
        }
        if (query.syncStatus() != null) {
            typed.setParameter("status", query.syncStatus());
        }
        return typed;
    }

    @Override
    public void finish(long taskId, long registryId, String status, String failedReason, int totalNum, Instant now) {
        em.createQuery("update SyncTaskRegistryRow r set r.syncStatus = :status, r.failedReason = :reason,"
                        + " r.totalNum = :total, r.updatedAt = :now where r.taskId = :task and r.registryId = :registry")
                .setParameter("status", status).setParameter("reason", failedReason == null ? "" : failedReason)
                .setParameter("total", totalNum).setParameter("now", now)
                .setParameter("task", taskId).setParameter("registry", registryId).executeUpdate();
    }

    @Override
    public int failRunning(String reason, Instant now) {
        return em.createQuery("update SyncTaskRegistryRow r set r.syncStatus = :failed, r.failedReason = :reason,"
                        + " r.updatedAt = :now where r.syncStatus = :running")
                .setParameter("failed", TaskRegistry.FAILED).setParameter("reason", reason).setParameter("now", now)
                .setParameter("running", TaskRegistry.RUNNING).executeUpdate();
    }

    @Override
    public void upsertImage(String accountId, SyncRegistry registry, RemoteImage image, Instant now) {
        SyncedImageRow row = em.createQuery("select i from SyncedImageRow i where i.registryId = :registry"
                        + " and i.repository = :repository and i.tag = :tag", SyncedImageRow.class)
                .setParameter("registry", registry.id()).setParameter("repository", image.repository())
                .setParameter("tag", image.tag()).getResultStream().findFirst().orElse(null);
        boolean created = row == null;
        if (created) {
            row = new SyncedImageRow();
            row.accountId = accountId;
            row.registryId = registry.id();
            row.registryType = registry.type().name();
            row.repository = image.repository();
            row.tag = image.tag();
        }
        row.digest = image.digest();
        row.mediaType = image.mediaType();
        row.size = image.size();
        row.syncedAt = now;
        if (created) {
            em.persist(row);
        }
    }
}
