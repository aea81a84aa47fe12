package io.wharf.persistence.jpa;

import io.wharf.domain.registry.Manifests;
import io.wharf.domain.registry.StoredManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaManifests implements Manifests {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaManifests() {
    }

    public JpaManifests(EntityManager em) {
        this.em = em;
    }

    /**
     * Upserts, so that racing pushes of one manifest into one repository both succeed without a repository-wide lock
     * (a duplicate key would spoil the transaction): the row and its references are inserted unless already there.
     */
    @Override
    public StoredManifest add(StoredManifest manifest) {
        Optional<StoredManifest> existing = byDigest(manifest.repositoryId(), manifest.digest());
        if (existing.isPresent()) {
            return existing.get();
        }
        em.createNativeQuery("INSERT INTO image_manifest (repository_id, digest, media_type, size_bytes, image_size,"
                        + " config_digest, architectures, subject_digest, artifact_type, annotations, pushed_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON DUPLICATE KEY UPDATE id = id")
                .unwrap(NativeQuery.class)
                .setParameter(1, manifest.repositoryId()).setParameter(2, manifest.digest())
                .setParameter(3, manifest.mediaType()).setParameter(4, manifest.size())
                .setParameter(5, manifest.imageSize()).setParameter(6, manifest.configDigest(), String.class)
                .setParameter(7, manifest.architectures()).setParameter(8, manifest.subjectDigest(), String.class)
                .setParameter(9, manifest.artifactType(), String.class)
                .setParameter(10, manifest.annotations(), String.class).setParameter(11, manifest.pushedAt())
                .executeUpdate();
        ImageManifestRow row = em.createQuery("select m from ImageManifestRow m where m.repositoryId = :id"
                        + " and m.digest = :digest", ImageManifestRow.class)
                .setParameter("id", manifest.repositoryId()).setParameter("digest", manifest.digest()).getSingleResult();
        manifest.blobs().stream().distinct().forEach(d -> reference(row.id, d, ManifestReferenceRow.BLOB));
        manifest.children().stream().distinct().filter(d -> !manifest.blobs().contains(d))
                .forEach(d -> reference(row.id, d, ManifestReferenceRow.MANIFEST));
        return row.toManifest(manifest.blobs(), manifest.children());
    }

    private void reference(long manifestId, String digest, String kind) {
        em.createNativeQuery("INSERT INTO manifest_reference (manifest_id, digest, kind) VALUES (?1, ?2, ?3)"
                        + " ON DUPLICATE KEY UPDATE kind = kind")
                .setParameter(1, manifestId).setParameter(2, digest).setParameter(3, kind).executeUpdate();
    }

    @Override
    public Optional<StoredManifest> byDigest(long repositoryId, String digest) {
        return em.createQuery("select m from ImageManifestRow m where m.repositoryId = :repo and m.digest = :digest",
                        ImageManifestRow.class)
                .setParameter("repo", repositoryId).setParameter("digest", digest)
                .getResultList().stream().findFirst().map(this::withReferences);
    }

    @Override
    public Optional<Long> manifestSize(long repositoryId, String digest) {
        return em.createQuery("select m.size from ImageManifestRow m where m.repositoryId = :repo and m.digest = :digest",
                        Long.class)
                .setParameter("repo", repositoryId).setParameter("digest", digest).getResultList().stream().findFirst();
    }

    private StoredManifest withReferences(ImageManifestRow row) {
        List<String> blobs = new ArrayList<>();
        List<String> children = new ArrayList<>();
        em.createQuery("select r from ManifestReferenceRow r where r.manifestId = :id", ManifestReferenceRow.class)
                .setParameter("id", row.id).getResultList().stream()
                .forEach(r -> (ManifestReferenceRow.BLOB.equals(r.kind) ? blobs : children).add(r.digest));
        return row.toManifest(blobs, children);
    }

    @Override
    public List<StoredManifest> referrers(long repositoryId, String digest, String artifactType) {
        TypedQuery<ImageManifestRow> query = em.createQuery("select m from ImageManifestRow m"
                        + " where m.repositoryId = :repo and m.subjectDigest = :digest"
                        + (artifactType == null ? "" : " and m.artifactType = :type") + " order by m.id",
                        ImageManifestRow.class)
                .setParameter("repo", repositoryId).setParameter("digest", digest)
                .setHint(Hints.READ_ONLY, true);
        if (artifactType != null) {
            query.setParameter("type", artifactType);
        }
        return query.getResultList().stream().map(m -> m.toManifest(List.of(), List.of())).toList();
    }

    @Override
    public void remove(StoredManifest manifest) {
        em.createQuery("delete from ManifestReferenceRow r where r.manifestId = :id")
                .setParameter("id", manifest.id()).executeUpdate();
        em.createQuery("delete from ImageManifestRow m where m.id = :id").setParameter("id", manifest.id()).executeUpdate();
    }

    @Override
    public Set<String> presentManifests(long repositoryId, Collection<String> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select m.digest from ImageManifestRow m where m.repositoryId = :repo"
                        + " and m.digest in :digests", String.class)
                .setParameter("repo", repositoryId).setParameter("digests", digests).getResultList());
    }

    /** An upsert: racing pushes of one blob into one repository both link it, neither fails on the key. */
    @Override
    public void link(long repositoryId, String digest, long size, Instant at) {
        em.createNativeQuery("INSERT INTO repository_blob (repository_id, digest, size_bytes, linked_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE linked_at = ?4")
                .setParameter(1, repositoryId).setParameter(2, digest).setParameter(3, size).setParameter(4, at)
                .executeUpdate();
    }

    @Override
    public Optional<Long> linkedSize(long repositoryId, String digest) {
        return em.createQuery("select b.size from RepositoryBlobRow b where b.repositoryId = :repo and b.digest = :digest",
                        Long.class)
                .setParameter("repo", repositoryId).setParameter("digest", digest).getResultList().stream().findFirst();
    }

    @Override
    public Set<String> touchLinks(long repositoryId, Collection<String> digests, Instant at) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        // Refreshing the link time takes the rows' locks, so a concurrent collection cannot remove them under us.
        em.createQuery("update RepositoryBlobRow b set b.linkedAt = :at where b.repositoryId = :repo and b.digest in :digests")
                .setParameter("at", at).setParameter("repo", repositoryId).setParameter("digests", digests)
                .executeUpdate();
        return linked(repositoryId, digests);
    }

    @Override
    public Set<String> linked(long repositoryId, Collection<String> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select b.digest from RepositoryBlobRow b where b.repositoryId = :repo"
                        + " and b.digest in :digests", String.class)
                .setParameter("repo", repositoryId).setParameter("digests", digests).getResultList());
    }

    @Override
    public void unlink(long repositoryId, String digest) {
        em.createQuery("delete from RepositoryBlobRow b where b.repositoryId = :repo and b.digest = :digest")
                .setParameter("repo", repositoryId).setParameter("digest", digest).executeUpdate();
    }

    @Override
    public int removeUnreferencedLinks(Instant cutoff) {
        return em.createQuery("delete from RepositoryBlobRow b where b.linkedAt < :cutoff and" + UNREFERENCED)
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    private static final String UNREFERENCED = " not exists (select 1 from ManifestReferenceRow r, ImageManifestRow m"
            + "   where r.manifestId = m.id and m.repositoryId = b.repositoryId and r.digest = b.digest)"
            + " and not exists (select 1 from ImageManifestRow m2"
            + "   where m2.repositoryId = b.repositoryId and m2.digest = b.digest)";

    @Override
    public int countUnreferencedLinks(Instant cutoff) {
        return em.createQuery("select count(b) from RepositoryBlobRow b where b.linkedAt < :cutoff and" + UNREFERENCED,
                Long.class).setParameter("cutoff", cutoff).getSingleResult().intValue();
    }

    @Override
    public Set<String> liveDigestsAfterRemovingLinks(Instant cutoff) {
        Set<String> live = new HashSet<>();
        live.addAll(em.createQuery("select distinct b.digest from RepositoryBlobRow b where not (b.linkedAt < :cutoff and"
                + UNREFERENCED + ")", String.class).setParameter("cutoff", cutoff).getResultList());
        live.addAll(em.createQuery("select distinct m.digest from ImageManifestRow m", String.class).getResultList());
        live.addAll(em.createQuery("select distinct r.digest from ManifestReferenceRow r", String.class).getResultList());
        return live;
    }

    @Override
    public Set<String> liveDigests() {
        Set<String> live = new HashSet<>();
        live.addAll(em.createQuery("select distinct b.digest from RepositoryBlobRow b", String.class).getResultList());
        live.addAll(em.createQuery("select distinct m.digest from ImageManifestRow m", String.class).getResultList());
        live.addAll(em.createQuery("select distinct r.digest from ManifestReferenceRow r", String.class).getResultList());
        return live;
    }
}
