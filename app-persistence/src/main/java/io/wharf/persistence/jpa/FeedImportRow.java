package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A feed import as it begins; persisted as an entity so that the database's generated id comes back with it. */
@Entity
@Table(name = "feed_import")
class FeedImportRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String source;
    String status;
    @Column(name = "advisory_count")
    int advisoryCount;
    String message = "";
    @Column(name = "started_at")
    Instant startedAt;
    String phase;

    protected FeedImportRow() {
    }

    FeedImportRow(String source, String status, Instant startedAt, String phase) {
        this.source = source;
        this.status = status;
        this.startedAt = startedAt;
        this.phase = phase;
    }
}
