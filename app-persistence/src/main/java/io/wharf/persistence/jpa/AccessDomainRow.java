package io.wharf.persistence.jpa;

import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.Deadline;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "access_domain")
class AccessDomainRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "repository_id")
    long repositoryId;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "account_name")
    String accountName;
    String permit;
    Instant deadline;
    String description;
    @Column(name = "creator_id")
    String creatorId;
    @Column(name = "creator_name")
    String creatorName;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    /** The repository's update time and image count, copied so that an account's shares come off an index. */
    @Column(name = "repository_updated_at")
    Instant repositoryUpdatedAt;
    @Column(name = "repository_num_images")
    long repositoryNumImages;

    protected AccessDomainRow() {
    }

    AccessDomain toAccessDomain() {
        return new AccessDomain(id, repositoryId, accountId, accountName, permit, new Deadline(Optional.ofNullable(deadline)),
                description, creatorId, creatorName, createdAt, updatedAt);
    }

    /** A share's attributes as a JPQL select list of the alias {@code s} (see {@link ImageRepositoryRow#COLUMNS}). */
    static final String COLUMNS = "s.id, s.repositoryId, s.accountId, s.accountName, s.permit, s.deadline,"
            + " s.description, s.creatorId, s.creatorName, s.createdAt, s.updatedAt";

    /** The share in {@code row} from {@code from} on, as {@link #COLUMNS} selects it. */
    static AccessDomain toAccessDomain(Object[] row, int from) {
        return new AccessDomain((Long) row[from], (Long) row[from + 1], (String) row[from + 2], (String) row[from + 3],
                (String) row[from + 4], new Deadline(Optional.ofNullable((Instant) row[from + 5])),
                (String) row[from + 6], (String) row[from + 7], (String) row[from + 8], (Instant) row[from + 9],
                (Instant) row[from + 10]);
    }
}
