package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.replication.Region;
import io.wharf.domain.replication.RegionGrant;
import io.wharf.domain.replication.RemoteTag;
import io.wharf.domain.replication.Replications;
import io.wharf.domain.replication.SyncJob;
import io.wharf.domain.replication.SyncRepo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.wharf.persistence.jpa.JpaScanReports.bool;
import static io.wharf.persistence.jpa.JpaScanReports.cut;
import static io.wharf.persistence.jpa.JpaScanReports.instant;
import static io.wharf.persistence.jpa.JpaScanReports.s;

/** Regions, syncs and jobs by native SQL; a job is claimed under a row lock so two servers never copy one twice. */
@ApplicationScoped
public class JpaReplications implements Replications {
    private static final String SYNC = "SELECT s.id, s.repository_id, r.namespace_name, r.name, r.account_id, a.name,"
            + " s.region_id, s.remote_namespace, s.sync_auto, s.override_tags, s.created_at, s.updated_at FROM sync_repo s"
            + " JOIN image_repository r ON r.id = s.repository_id JOIN account a ON a.id = r.account_id ";
    private static final String JOB = "SELECT j.id, j.repository_id, r.namespace_name, r.name, r.account_id, a.name,"
            + " j.region_id, j.remote_namespace, j.tag, j.override_tag, j.status, j.reason, j.attempts, j.operator_id,"
            + " j.operator_name, j.created_at, j.updated_at, j.next_attempt_at FROM sync_job j"
            + " JOIN image_repository r ON r.id = j.repository_id JOIN account a ON a.id = r.account_id ";

    /** Accounts with jobs due looked at per claim, the longest waiting first. */
    private static final int MAX_ACCOUNTS_PER_CLAIM = 64;

    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaReplications() {
    }

    public JpaReplications(EntityManager em) {
        this.em = em;
    }

    @Override
    public void addRegion(Region region) {
        Conflicts.insertOrConflict(em.createNativeQuery("INSERT INTO sync_region (id, url, username, sealed_password,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, region.id()).setParameter(2, region.url())
                .setParameter(3, region.username()).setParameter(4, region.sealedPassword())
                .setParameter(5, Timestamp.from(region.createdAt())), Subject.SYNC_REPO,
                "The region " + region.id() + " already exists.");
    }

    @Override
    public Optional<Region> region(String id) {
        return regions("WHERE id = ?1", id).stream().findFirst();
    }

    @Override
    public List<Region> regions() {
        return regions("", null);
    }

    @SuppressWarnings("unchecked")
    private List<Region> regions(String where, String id) {
        var query = em.createNativeQuery("SELECT id, url, username, sealed_password, created_at FROM sync_region " + where
                + " ORDER BY id");
        if (id != null) {
            query.setParameter(1, id);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Region(s(r[0]), s(r[1]), s(r[2]), s(r[3]), instant(r[4]))).toList();
    }

    @Override
    public boolean removeRegion(String id) {
        return em.createNativeQuery("DELETE FROM sync_region WHERE id = ?1").setParameter(1, id).executeUpdate() > 0;
    }

    @Override
    public void addGrant(RegionGrant grant) {
        Conflicts.insertOrConflict(em.createNativeQuery("INSERT INTO region_grant (region_id, account_id, namespaces,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4)").setParameter(1, grant.regionId())
                .setParameter(2, grant.accountId()).setParameter(3, grant.namespaces())
                .setParameter(4, Timestamp.from(grant.createdAt())), Subject.SYNC_REPO,
                "The account " + grant.accountName() + " already holds " + grant.namespaces() + " at " + grant.regionId() + ".");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RegionGrant> grants(String regionId) {
        List<Object[]> rows = em.createNativeQuery("SELECT g.region_id, g.account_id, a.name, g.namespaces, g.created_at"
                        + " FROM region_grant g JOIN account a ON a.id = g.account_id WHERE g.region_id = ?1"
                        + " ORDER BY a.name, g.namespaces").setParameter(1, regionId).getResultList();
        return rows.stream().map(r -> new RegionGrant(s(r[0]), s(r[1]), s(r[2]), s(r[3]), instant(r[4]))).toList();
    }

    @Override
    public boolean removeGrant(String regionId, String accountId, String namespaces) {
        return em.createNativeQuery("DELETE FROM region_grant WHERE region_id = ?1 AND account_id = ?2 AND namespaces = ?3")
                .setParameter(1, regionId).setParameter(2, accountId).setParameter(3, namespaces).executeUpdate() > 0;
    }

    @Override
    public String claim(RemoteTag tag) {
        // The key decides between racing claims: the loser's insert changes nothing and it reads the winner.
        em.createNativeQuery("INSERT INTO remote_tag (region_id, repository, tag, account_id) VALUES (?1, ?2, ?3, ?4)"
                        + " ON DUPLICATE KEY UPDATE account_id = account_id").setParameter(1, tag.regionId())
                .setParameter(2, tag.repository()).setParameter(3, tag.tag()).setParameter(4, tag.accountId())
                .executeUpdate();
        return s(em.createNativeQuery("SELECT account_id FROM remote_tag WHERE region_id = ?1 AND repository = ?2"
                        + " AND tag = ?3").setParameter(1, tag.regionId()).setParameter(2, tag.repository())
                .setParameter(3, tag.tag()).getSingleResult());
    }

    @Override
    public void addSyncRepo(SyncRepo sync) {
        Conflicts.insertOrConflict(em.createNativeQuery("INSERT INTO sync_repo (repository_id, region_id, remote_namespace,"
                        + " sync_auto, override_tags, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
                .setParameter(1, sync.repositoryId()).setParameter(2, sync.regionId()).setParameter(3, sync.remoteNamespace())
                .setParameter(4, sync.syncAuto()).setParameter(5, sync.override())
                .setParameter(6, Timestamp.from(sync.createdAt())), Subject.SYNC_REPO,
                "The repository already syncs to " + sync.regionId() + "/" + sync.remoteNamespace() + ".");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SyncRepo> syncRepos(long repositoryId) {
        List<Object[]> rows = em.createNativeQuery(SYNC + "WHERE s.repository_id = ?1 ORDER BY s.id")
                .setParameter(1, repositoryId).getResultList();
        return rows.stream().map(r -> new SyncRepo(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), s(r[2]),
                s(r[3]), s(r[4]), s(r[5]), s(r[6]), s(r[7]), bool(r[8]), bool(r[9]), instant(r[10]), instant(r[11]))).toList();
    }

    @Override
    public boolean removeSyncRepo(long repositoryId, String regionId, String remoteNamespace) {
        return em.createNativeQuery("DELETE FROM sync_repo WHERE repository_id = ?1 AND region_id = ?2"
                        + " AND remote_namespace = ?3").setParameter(1, repositoryId).setParameter(2, regionId)
                .setParameter(3, remoteNamespace).executeUpdate() > 0;
    }

    @Override
    public void addJob(SyncJob j) {
        em.createNativeQuery("INSERT INTO sync_job (repository_id, region_id, remote_namespace, tag, override_tag, status,"
                        + " reason, attempts, operator_id, operator_name, created_at, updated_at, next_attempt_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)")
                .setParameter(1, j.repositoryId()).setParameter(2, j.regionId()).setParameter(3, j.remoteNamespace())
                .setParameter(4, j.tag()).setParameter(5, j.override()).setParameter(6, j.status())
                .setParameter(7, cut(j.reason(), 1024)).setParameter(8, j.attempts()).setParameter(9, cut(j.operatorId(), 32))
                .setParameter(10, cut(j.operatorName(), 64)).setParameter(11, Timestamp.from(j.createdAt()))
                .setParameter(12, Timestamp.from(j.nextAttemptAt())).executeUpdate();
    }

    @Override
    public List<SyncJob> jobs(long repositoryId, String status, String tag, int offset, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(repositoryId));
        String where = filters(parameters, status, tag);
        parameters.add(limit);
        parameters.add(offset);
        return jobs(JOB + where + " ORDER BY j.id DESC LIMIT ?" + (parameters.size() - 1) + " OFFSET ?" + parameters.size(),
                parameters);
    }

    @Override
    public long countJobs(long repositoryId, String status, String tag) {
        List<Object> parameters = new ArrayList<>(List.of(repositoryId));
        var query = em.createNativeQuery("SELECT COUNT(*) FROM sync_job j " + filters(parameters, status, tag));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String filters(List<Object> parameters, String status, String tag) {
        StringBuilder where = new StringBuilder("WHERE j.repository_id = ?1");
        if (status != null) {
            parameters.add(status);
            where.append(" AND j.status = ?").append(parameters.size());
        }
        if (tag != null) {
            parameters.add(tag);
            where.append(" AND j.tag = ?").append(parameters.size());
        }
        return where.toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SyncJob> claimDue(Instant now, int limit, String node) {
        List<Object[]> accounts = em.createNativeQuery("SELECT r.account_id, MIN(j.next_attempt_at) FROM sync_job j"
                        + " JOIN image_repository r ON r.id = j.repository_id WHERE j.status = 'waiting'"
                        + " AND j.next_attempt_at <= ?1 GROUP BY r.account_id ORDER BY MIN(j.next_attempt_at) LIMIT ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, MAX_ACCOUNTS_PER_CLAIM).getResultList();
        List<SyncJob> claimed = new ArrayList<>();
        for (Object[] account : accounts) {
            String id = s(account[0]);
            long running = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM sync_job j JOIN image_repository r"
                    + " ON r.id = j.repository_id WHERE j.status = 'running' AND r.account_id = ?1").setParameter(1, id)
                    .getSingleResult()).longValue();
            int free = (int) Math.min(SyncJob.MAX_RUNNING_PER_ACCOUNT - running, limit - claimed.size());
            if (free <= 0) {
                continue;
            }
            for (SyncJob job : jobs(JOB + "WHERE j.status = 'waiting' AND j.next_attempt_at <= ?1 AND r.account_id = ?2"
                    + " ORDER BY j.next_attempt_at LIMIT ?3 FOR UPDATE", List.of(Timestamp.from(now), id, free))) {
                SyncJob started = job.with(SyncJob.RUNNING, job.reason(), job.attempts(), now, job.nextAttemptAt());
                update(started);
                em.createNativeQuery("UPDATE sync_job SET claimed_by = ?1 WHERE id = ?2").setParameter(1, node)
                        .setParameter(2, job.id()).executeUpdate();
                claimed.add(started);
            }
            if (claimed.size() >= limit) {
                break;
            }
        }
        return claimed;
    }

    @Override
    public void update(SyncJob j) {
        em.createNativeQuery("UPDATE sync_job SET status = ?1, reason = ?2, attempts = ?3, updated_at = ?4,"
                        + " next_attempt_at = ?5 WHERE id = ?6").setParameter(1, j.status())
                .setParameter(2, cut(j.reason(), 1024)).setParameter(3, j.attempts())
                .setParameter(4, Timestamp.from(j.updatedAt())).setParameter(5, Timestamp.from(j.nextAttemptAt()))
                .setParameter(6, j.id()).executeUpdate();
    }

    @Override
    public int requeueRunning(Instant now) {
        return em.createNativeQuery("UPDATE sync_job SET status = 'waiting', next_attempt_at = ?1, claimed_by = NULL"
                        + " WHERE status = 'running' AND " + JpaLeases.nodeGone("claimed_by", 1))
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<SyncJob> jobs(String sql, List<Object> parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SyncJob(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), s(r[2]), s(r[3]),
                s(r[4]), s(r[5]), s(r[6]), s(r[7]), s(r[8]), bool(r[9]), s(r[10]), s(r[11]), ((Number) r[12]).intValue(),
                s(r[13]), s(r[14]), instant(r[15]), instant(r[16]), instant(r[17]))).toList();
    }
}
