package io.wharf.persistence.jpa;

import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "image_repository")
class ImageRepositoryRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "namespace_id")
    long namespaceId;
    @Column(name = "namespace_name")
    String namespaceName;
    @Column(name = "account_id")
    String accountId;
    String name;
    String category;
    String description;
    @Column(name = "is_public")
    boolean isPublic;
    @Column(name = "creator_id")
    String creatorId;
    @Column(name = "creator_name")
    String creatorName;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "size_bytes")
    long size;
    @Column(name = "num_images")
    long numImages;
    @Column(name = "num_download")
    long numDownload;

    protected ImageRepositoryRow() {
    }

    ImageRepository toRepository() {
        return new ImageRepository(id, namespaceId, new NamespaceName(namespaceName), accountId,
                new RepositoryName(name), Category.of(category), description, isPublic, creatorId, creatorName,
                createdAt, updatedAt, size, numImages, numDownload);
    }
}
