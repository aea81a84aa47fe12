package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "repository_blob")
@IdClass(RepositoryBlobRow.Key.class)
class RepositoryBlobRow {
    @Id
    @Column(name = "repository_id")
    long repositoryId;
    @Id
    String digest;
    @Column(name = "size_bytes")
    long size;
    @Column(name = "linked_at")
    Instant linkedAt;

    protected RepositoryBlobRow() {
    }

    RepositoryBlobRow(long repositoryId, String digest, long size, Instant linkedAt) {
        this.repositoryId = repositoryId;
        this.digest = digest;
        this.size = size;
        this.linkedAt = linkedAt;
    }

    /** The composite key: repositoryId and digest. */
    static class Key implements Serializable {
        long repositoryId;
        String digest;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.repositoryId == repositoryId && java.util.Objects.equals(key.digest, digest);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(repositoryId, digest);
        }
    }
}
