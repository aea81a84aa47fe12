package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An image repository inside an organization; for now only what keeps an organization from being deleted. */
@Entity
@Table(name = "image_repository")
class ImageRepositoryRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "namespace_id")
    long namespaceId;
    String name;
    @Column(name = "created_at")
    Instant createdAt;

    protected ImageRepositoryRow() {
    }
}
