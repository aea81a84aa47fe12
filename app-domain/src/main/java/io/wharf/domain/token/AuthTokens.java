package io.wharf.domain.token;

import java.time.Instant;
import java.util.Optional;

/** The issued tokens, found by the digest of their secret. */
public interface AuthTokens {

    void add(AuthToken token);

    Optional<AuthToken> byDigest(String digest);

    /**
     * The token with the user it was issued to and that user's account, read together (every API request asks this
     * first); empty when the token, its user or the account is gone.
     */
    Optional<Holder> withHolder(String digest);

    /** A token and who holds it. */
    record Holder(AuthToken token, io.wharf.domain.account.User user, io.wharf.domain.account.Account account) {
    }

    /** Revokes a token; true when it existed. */
    boolean remove(String digest);

    /** Revokes every token and temporary login of a user (their password changed); returns how many. */
    int removeOfUser(String userId);

    /** Forgets every token that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
