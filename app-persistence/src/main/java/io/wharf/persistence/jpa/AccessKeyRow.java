package io.wharf.persistence.jpa;

import io.wharf.domain.credential.AccessKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "access_key")
class AccessKeyRow {
    @Id
    @Column(name = "access_key_id")
    String accessKeyId;
    @Column(name = "user_id")
    String userId;
    @Column(name = "encrypted_secret")
    String encryptedSecret;
    String description;
    @Column(name = "created_at")
    Instant createdAt;

    protected AccessKeyRow() {
    }

    AccessKeyRow(AccessKey key) {
        accessKeyId = key.accessKeyId();
        userId = key.userId();
        encryptedSecret = key.encryptedSecret();
        description = key.description();
        createdAt = key.createdAt();
    }

    AccessKey toAccessKey() {
        return new AccessKey(accessKeyId, userId, encryptedSecret, description, createdAt);
    }
}
