package io.wharf.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A retention policy as it is created; an entity so that the database's generated id comes back with it. */
@Entity
@Table(name = "retention_policy")
class RetentionPolicyRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "repository_id")
    long repositoryId;
    String algorithm;
    String rules;
    @Column(name = "created_at")
    Instant createdAt;

    protected RetentionPolicyRow() {
    }

    RetentionPolicyRow(long repositoryId, String algorithm, String rules, Instant createdAt) {
        this.repositoryId = repositoryId;
        this.algorithm = algorithm;
        this.rules = rules;
        this.createdAt = createdAt;
    }
}
