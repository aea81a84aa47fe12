package io.wharf.persistence.jpa;

import io.wharf.domain.asset.AssociatedImage;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        return toTasks(List.of(task)).get(0);
    }

    /** The tasks with their registries, read in one query for all of them. */
    private List<SyncTask> toTasks(List<SyncTaskRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TaskRegistry>> registries = new HashMap<>();
        em.createQuery("select r from SyncTaskRegistryRow r where r.taskId in :tasks order by r.registryName",
                        SyncTaskRegistryRow.class)
                .setParameter("tasks", rows.stream().map(t -> t.id).toList()).getResultList().stream()
                .forEach(r -> registries.computeIfAbsent(r.taskId, id -> new ArrayList<>()).add(r.toTaskRegistry()));
        return rows.stream().map(t -> new SyncTask(t.id, t.accountId, t.createdBy, t.createdAt,
                registries.getOrDefault(t.id, List.of()))).toList();
    }

    @Override
    public Optional<SyncTask> byId(String accountId, long id) {
        return Optional.ofNullable(em.find(SyncTaskRow.class, id)).filter(t -> t.accountId.equals(accountId))
                .map(this::toTask);
    }

    @Override
    public List<SyncTask> list(String accountId, int offset, int limit) {
        return toTasks(em.createQuery("select t from SyncTaskRow t where t.accountId = :account order by t.createdAt desc, t.id desc",
                        SyncTaskRow.class)
                .setParameter("account", accountId).setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    @Override
    public long count(String accountId) {
        return em.createQuery("select count(t) from SyncTaskRow t where t.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
    }

    @Override
    public List<TaskRegistry> registries(RegistryQuery query) {
        return select(query, "select r", " order by r.registryName, r.registryId", SyncTaskRegistryRow.class)
                .setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultList().stream().map(SyncTaskRegistryRow::toTaskRegistry).toList();
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
    public List<Long> runningRegistryIds(String accountId) {
        return em.createQuery("select distinct r.registryId from SyncTaskRegistryRow r, SyncTaskRow t"
                        + " where r.taskId = t.id and t.accountId = :account and r.syncStatus = :running", Long.class)
                .setParameter("account", accountId).setParameter("running", TaskRegistry.RUNNING).getResultList();
    }

    @Override
    public List<SyncTask> unfinished() {
        return toTasks(em.createQuery("select t from SyncTaskRow t where t.id in (select r.taskId from SyncTaskRegistryRow r"
                        + " where r.syncStatus = :running) order by t.id", SyncTaskRow.class)
                .setParameter("running", TaskRegistry.RUNNING).getResultList());
    }

    @Override
    public void progress(long taskId, long registryId, int found, Instant now) {
        em.createQuery("update SyncTaskRegistryRow r set r.totalNum = :found, r.updatedAt = :now"
                        + " where r.taskId = :task and r.registryId = :registry and r.syncStatus = :running")
                .setParameter("found", found).setParameter("now", now).setParameter("task", taskId)
                .setParameter("registry", registryId).setParameter("running", TaskRegistry.RUNNING).executeUpdate();
    }

    @Override
    public void upsertImages(String accountId, SyncRegistry registry, List<RemoteImage> images, Instant now) {
        if (images.isEmpty()) {
            return;
        }
        // One read for the whole batch: rows of these repositories and tags, matched by repository and tag below.
        Map<String, SyncedImageRow> existing = new HashMap<>();
        em.createQuery("select i from SyncedImageRow i where i.registryId = :registry and i.repository in :repositories"
                        + " and i.tag in :tags", SyncedImageRow.class)
                .setParameter("registry", registry.id())
                .setParameter("repositories", images.stream().map(RemoteImage::repository).distinct().toList())
                .setParameter("tags", images.stream().map(RemoteImage::tag).distinct().toList())
                .getResultList().forEach(row -> existing.put(row.repository + ":" + row.tag, row));
        List<Long> changed = new ArrayList<>();
        Map<SyncedImageRow, RemoteImage> indexes = new LinkedHashMap<>();
        for (RemoteImage image : images) {
            SyncedImageRow row = existing.get(image.repository() + ":" + image.tag());
            if (row != null && row.digest.equals(image.digest())) {
                row.seenAt = now;
                continue;
            }
            if (row == null) {
                row = new SyncedImageRow();
                row.accountId = accountId;
                row.registryId = registry.id();
                row.registryType = registry.type().name();
                row.repository = image.repository();
                row.tag = image.tag();
            } else {
                changed.add(row.id);
            }
            row.digest = image.digest();
            row.mediaType = image.mediaType();
            row.size = image.size();
            row.syncedAt = now;
            row.seenAt = now;
            if (row.id == null) {
                em.persist(row); // an identity column: the row has its id from here on
            }
            if (!image.associated().isEmpty()) {
                indexes.put(row, image);
            }
        }
        if (!changed.isEmpty()) {
            em.createQuery("delete from SyncedImageAssociationRow a where a.imageId in :ids")
                    .setParameter("ids", changed).executeUpdate();
        }
        indexes.forEach((row, image) -> image.associated().stream()
                .collect(Collectors.toMap(AssociatedImage::digest, a -> a, (first, again) -> first, LinkedHashMap::new))
                .values().forEach(a -> em.persist(new SyncedImageAssociationRow(row.id, a.digest(), a.architecture()))));
    }

    @Override
    public int removeUnseen(long registryId, Instant walkStart) {
        // Their association rows go with them (ON DELETE CASCADE).
        return em.createQuery("delete from SyncedImageRow i where i.registryId = :registry and i.seenAt < :start")
                .setParameter("registry", registryId).setParameter("start", walkStart).executeUpdate();
    }
}
