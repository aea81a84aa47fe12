package io.wharf.web.fakes;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.replication.Region;
import io.wharf.domain.replication.RegionGrant;
import io.wharf.domain.replication.RemoteTag;
import io.wharf.domain.replication.Replications;
import io.wharf.domain.replication.SyncJob;
import io.wharf.domain.replication.SyncRepo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Regions, syncs and jobs in lists, as the SQL store keeps them. */
public final class InMemoryReplications implements Replications {
    private final List<Region> regions = new ArrayList<>();
    private final List<SyncRepo> syncs = new ArrayList<>();
    private final List<SyncJob> jobs = new ArrayList<>();
    private final List<RegionGrant> grants = new ArrayList<>();
    private final java.util.Map<List<String>, String> remoteTags = new java.util.HashMap<>();

    @Override
    public synchronized void addRegion(Region region) {
        if (region(region.id()).isPresent()) {
            throw WharfException.exists(Subject.SYNC_REPO, "exists");
        }
        regions.add(region);
    }

    @Override
    public synchronized Optional<Region> region(String id) {
        return regions.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<Region> regions() {
        return List.copyOf(regions);
    }

    @Override
    public synchronized boolean removeRegion(String id) {
        syncs.removeIf(s -> s.regionId().equals(id));
        grants.removeIf(g -> g.regionId().equals(id));
        remoteTags.keySet().removeIf(k -> k.get(0).equals(id));
        return regions.removeIf(r -> r.id().equals(id));
    }

    @Override
    public synchronized void addGrant(RegionGrant grant) {
        if (grants.stream().anyMatch(g -> g.regionId().equals(grant.regionId()) && g.accountId().equals(grant.accountId())
                && g.namespaces().equals(grant.namespaces()))) {
            throw WharfException.exists(Subject.SYNC_REPO, "exists");
        }
        grants.add(grant);
    }

    @Override
    public synchronized List<RegionGrant> grants(String regionId) {
        return grants.stream().filter(g -> g.regionId().equals(regionId)).toList();
    }

    @Override
    public synchronized boolean removeGrant(String regionId, String accountId, String namespaces) {
        return grants.removeIf(g -> g.regionId().equals(regionId) && g.accountId().equals(accountId)
                && g.namespaces().equals(namespaces));
    }

    @Override
    public synchronized String claim(RemoteTag tag) {
        return remoteTags.computeIfAbsent(List.of(tag.regionId(), tag.repository(), tag.tag()), k -> tag.accountId());
    }

    @Override
    public synchronized void addSyncRepo(SyncRepo s) {
        if (syncs.stream().anyMatch(o -> o.repositoryId() == s.repositoryId() && o.regionId().equals(s.regionId())
                && o.remoteNamespace().equals(s.remoteNamespace()))) {
            throw WharfException.exists(Subject.SYNC_REPO, "exists");
        }
        syncs.add(new SyncRepo(syncs.size() + 1, s.repositoryId(), s.namespace(), s.repository(), s.accountId(),
                s.accountName(), s.regionId(), s.remoteNamespace(), s.syncAuto(), s.override(), s.createdAt(), s.updatedAt()));
    }

    @Override
    public synchronized List<SyncRepo> syncRepos(long repositoryId) {
        return syncs.stream().filter(s -> s.repositoryId() == repositoryId).toList();
    }

    @Override
    public synchronized boolean removeSyncRepo(long repositoryId, String regionId, String remoteNamespace) {
        return syncs.removeIf(s -> s.repositoryId() == repositoryId && s.regionId().equals(regionId)
                && s.remoteNamespace().equals(remoteNamespace));
    }

    @Override
    public synchronized void addJob(SyncJob j) {
        jobs.add(new SyncJob(jobs.size() + 1, j.repositoryId(), j.namespace(), j.repository(), j.accountId(),
                j.accountName(), j.regionId(), j.remoteNamespace(), j.tag(), j.override(), j.status(), j.reason(),
                j.attempts(), j.operatorId(), j.operatorName(), j.createdAt(), j.updatedAt(), j.nextAttemptAt()));
    }

    @Override
    public synchronized List<SyncJob> jobs(long repositoryId, String status, String tag, int offset, int limit) {
        return jobs.stream().filter(j -> j.repositoryId() == repositoryId && (status == null || j.status().equals(status))
                        && (tag == null || j.tag().equals(tag))).sorted(Comparator.comparingLong(SyncJob::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long countJobs(long repositoryId, String status, String tag) {
        return jobs(repositoryId, status, tag, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public synchronized List<SyncJob> claimDue(Instant now, int limit, String node) {
        List<SyncJob> due = jobs.stream().filter(j -> j.status().equals(SyncJob.WAITING) && !j.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(SyncJob::nextAttemptAt)).toList();
        List<SyncJob> claimed = new ArrayList<>();
        for (SyncJob j : due) {
            long running = jobs.stream().filter(o -> o.status().equals(SyncJob.RUNNING)
                    && o.accountId().equals(j.accountId())).count();
            if (claimed.size() < limit && running < SyncJob.MAX_RUNNING_PER_ACCOUNT) {
                SyncJob started = j.with(SyncJob.RUNNING, j.reason(), j.attempts(), now, j.nextAttemptAt());
                update(started);
                claimed.add(started);
            }
        }
        return claimed;
    }

    @Override
    public synchronized void update(SyncJob job) {
        jobs.replaceAll(j -> j.id() == job.id() ? job : j);
    }

    @Override
    public synchronized int requeueRunning(Instant now) {
        int before = (int) jobs.stream().filter(j -> j.status().equals(SyncJob.RUNNING)).count();
        jobs.replaceAll(j -> j.status().equals(SyncJob.RUNNING) ? j.with(SyncJob.WAITING, j.reason(), j.attempts(), now, now) : j);
        return before;
    }

    /** Makes every waiting job due now, as if its wait had passed. */
    public synchronized void makeDue() {
        jobs.replaceAll(j -> j.status().equals(SyncJob.WAITING) ? j.with(j.status(), j.reason(), j.attempts(), j.updatedAt(),
                Instant.EPOCH) : j);
    }
}
