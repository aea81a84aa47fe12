package io.wharf.persistence.jpa;

import io.wharf.domain.repository.ImageTag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "image_tag")
class ImageTagRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "repository_id")
    long repositoryId;
    /** The repository's account, copied so an account's tags are one index range (HSS's image list). */
    @Column(name = "account_id")
    String accountId;
    String tag;
    String digest;
    @Column(name = "image_id")
    String imageId;
    String manifest;
    @Column(name = "schema_version")
    int schema;
    @Column(name = "size_bytes")
    long size;
    @Column(name = "tag_type")
    int tagType;
    @Column(name = "media_type")
    String mediaType;
    String architectures;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected ImageTagRow() {
    }

    ImageTag toTag() {
        return new ImageTag(id, repositoryId, tag, digest, imageId, manifest, schema, size, tagType, mediaType,
                architectures, createdAt, updatedAt);
    }
}
