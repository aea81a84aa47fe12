package io.wharf.persistence.jpa;

import io.wharf.domain.token.AuthToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "auth_token")
class AuthTokenRow {
    @Id
    String digest;
    @Column(name = "user_id")
    String userId;
    @Column(name = "issued_at")
    Instant issuedAt;
    @Column(name = "expires_at")
    Instant expiresAt;

    protected AuthTokenRow() {
    }

    AuthTokenRow(AuthToken token) {
        digest = token.digest();
        userId = token.userId();
        issuedAt = token.issuedAt();
        expiresAt = token.expiresAt();
    }

    AuthToken toToken() {
        return new AuthToken(digest, userId, issuedAt, expiresAt);
    }
}
