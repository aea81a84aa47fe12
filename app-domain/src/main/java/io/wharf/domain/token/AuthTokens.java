package io.wharf.domain.token;

import java.time.Instant;
import java.util.Optional;

/** The issued tokens, found by the digest of their secret. */
public interface AuthTokens {

    void add(AuthToken token);

    Optional<AuthToken> byDigest(String digest);

    /** Revokes a token; true when it existed. */
    boolean remove(String digest);

    /** Forgets every token that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
