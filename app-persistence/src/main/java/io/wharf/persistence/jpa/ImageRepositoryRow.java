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

    /**
     * The attributes a repository is made of, as a JPQL select list of the alias {@code r}: a page read as columns
     * leaves nothing in the persistence context (read as entities, each row was visited again by the flush at commit).
     */
    static final String COLUMNS = "r.id, r.namespaceId, r.namespaceName, r.accountId, r.name, r.category,"
            + " r.description, r.isPublic, r.creatorId, r.creatorName, r.createdAt, r.updatedAt, r.size, r.numImages,"
            + " r.numDownload";
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /** The repository in {@code row} from {@code from} on, as {@link #COLUMNS} selects it. */
    static ImageRepository toRepository(Object[] row, int from) {
        return new ImageRepository((Long) row[from], (Long) row[from + 1], new NamespaceName((String) row[from + 2]),
                (String) row[from + 3], new RepositoryName((String) row[from + 4]), Category.of((String) row[from + 5]),
                (String) row[from + 6], (Boolean) row[from + 7], (String) row[from + 8], (String) row[from + 9],
                (Instant) row[from + 10], (Instant) row[from + 11], (Long) row[from + 12], (Long) row[from + 13],
                (Long) row[from + 14]);
    }
}
