package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "synced_image")
class SyncedImageRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "registry_id")
    long registryId;
    @Column(name = "registry_type")
    String registryType;
    String repository;
    String tag;
    String digest;
    @Column(name = "media_type")
    String mediaType;
    @Column(name = "size_bytes")
    long size;
    /** When the tag last pointed at a new digest: the image's update time in the list. */
    @Column(name = "synced_at")
    Instant syncedAt;
    /** The last walk that found the tag. */
    @Column(name = "seen_at")
    Instant seenAt;

    protected SyncedImageRow() {
    }
}
