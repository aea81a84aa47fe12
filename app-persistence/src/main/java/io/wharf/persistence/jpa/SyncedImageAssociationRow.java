package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One image listed by a synced multi-architecture index. */
@Entity
@Table(name = "synced_image_association")
@IdClass(SyncedImageAssociationRow.Key.class)
class SyncedImageAssociationRow {
    @Id
    @Column(name = "image_id")
    long imageId;
    @Id
    String digest;
    String architecture;

    protected SyncedImageAssociationRow() {
    }

    SyncedImageAssociationRow(long imageId, String digest, String architecture) {
        this.imageId = imageId;
        this.digest = digest;
        this.architecture = architecture;
    }

    /** The composite key: synced image and digest. */
    static class Key implements Serializable {
        long imageId;
        String digest;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.imageId == imageId && Objects.equals(key.digest, digest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(imageId, digest);
        }
    }
}
