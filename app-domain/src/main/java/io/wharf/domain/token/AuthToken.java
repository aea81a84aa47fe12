package io.wharf.domain.token;

import java.time.Instant;

/** An issued token as stored: the digest of its secret, never the secret itself. */
public record AuthToken(String digest, String userId, Instant issuedAt, Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
