package io.wharf.persistence.jpa;

import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "access_grant")
class GrantRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Enumerated(EnumType.STRING)
    Grant.Scope scope;
    @Column(name = "target_id")
    long targetId;
    @Column(name = "user_id")
    String userId;
    @Column(name = "user_name")
    String userName;
    int auth;
    @Column(name = "created_at")
    Instant createdAt;

    protected GrantRow() {
    }

    GrantRow(Grant grant) {
        scope = grant.scope();
        targetId = grant.targetId();
        userId = grant.userId();
        userName = grant.userName();
        auth = grant.auth().auth();
        createdAt = Instant.now();
    }

    Grant toGrant() {
        return new Grant(scope, targetId, userId, userName, Permission.ofAuth(auth));
    }
}
