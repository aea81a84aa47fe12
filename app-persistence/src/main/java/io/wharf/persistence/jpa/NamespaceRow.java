package io.wharf.persistence.jpa;

import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "swr_namespace")
class NamespaceRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String name;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "creator_id")
    String creatorId;
    @Column(name = "creator_name")
    String creatorName;
    @Column(name = "created_at")
    Instant createdAt;

    protected NamespaceRow() {
    }

    Namespace toNamespace() {
        return new Namespace(id, new NamespaceName(name), accountId, creatorId, creatorName, createdAt);
    }
}
