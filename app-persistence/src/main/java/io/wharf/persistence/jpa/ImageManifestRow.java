package io.wharf.persistence.jpa;

import io.wharf.domain.registry.StoredManifest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "image_manifest")
class ImageManifestRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "repository_id")
    long repositoryId;
    String digest;
    @Column(name = "media_type")
    String mediaType;
    @Column(name = "size_bytes")
    long size;
    @Column(name = "image_size")
    long imageSize;
    @Column(name = "config_digest")
    String configDigest;
    String architectures;
    @Column(name = "subject_digest")
    String subjectDigest;
    @Column(name = "artifact_type")
    String artifactType;
    String annotations;
    @Column(name = "pushed_at")
    Instant pushedAt;

    protected ImageManifestRow() {
    }

    ImageManifestRow(StoredManifest manifest) {
        repositoryId = manifest.repositoryId();
        digest = manifest.digest();
        mediaType = manifest.mediaType();
        size = manifest.size();
        imageSize = manifest.imageSize();
        configDigest = manifest.configDigest();
        architectures = manifest.architectures();
        subjectDigest = manifest.subjectDigest();
        artifactType = manifest.artifactType();
        annotations = manifest.annotations();
        pushedAt = manifest.pushedAt();
    }

    StoredManifest toManifest(List<String> blobs, List<String> children) {
        return new StoredManifest(id, repositoryId, digest, mediaType, size, imageSize, configDigest, architectures,
                subjectDigest, artifactType, annotations, pushedAt, blobs, children);
    }
}
