package io.wharf.persistence.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

@Entity
@Table(name = "manifest_reference")
@IdClass(ManifestReferenceRow.Key.class)
class ManifestReferenceRow {
    static final String BLOB = "B";
    static final String MANIFEST = "M";

    @Id
    @jakarta.persistence.Column(name = "manifest_id")
    long manifestId;
    @Id
    String digest;
    String kind;

    protected ManifestReferenceRow() {
    }

    ManifestReferenceRow(long manifestId, String digest, String kind) {
        this.manifestId = manifestId;
        this.digest = digest;
        this.kind = kind;
    }

    /** The composite key: manifestId and digest. */
    static class Key implements Serializable {
        long manifestId;
        String digest;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.manifestId == manifestId && java.util.Objects.equals(key.digest, digest);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(manifestId, digest);
        }
    }
}
