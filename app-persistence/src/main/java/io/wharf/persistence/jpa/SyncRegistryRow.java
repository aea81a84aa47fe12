package io.wharf.persistence.jpa;

import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.SyncRegistry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "sync_registry")
class SyncRegistryRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "account_id")
    String accountId;
    String name;
    @Column(name = "registry_type")
    String type;
    String url;
    String username;
    @Column(name = "sealed_password")
    String sealedPassword;
    @Column(name = "created_at")
    Instant createdAt;

    protected SyncRegistryRow() {
    }

    SyncRegistryRow(SyncRegistry registry) {
        accountId = registry.accountId();
        name = registry.name();
        type = registry.type().name();
        url = registry.url();
        username = registry.username();
        sealedPassword = registry.sealedPassword();
        createdAt = registry.createdAt();
    }

    SyncRegistry toRegistry() {
        return new SyncRegistry(id, accountId, name, RegistryType.valueOf(type), url, username, sealedPassword, createdAt);
    }
}
