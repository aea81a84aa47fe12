package io.wharf.web.fakes;

import io.wharf.domain.token.AuthToken;
import io.wharf.domain.token.AuthTokens;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued tokens in a map, by digest; without the users, so {@link #withHolder} finds none. */
public final class InMemoryAuthTokens implements AuthTokens {
    private final Map<String, AuthToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void add(AuthToken token) {
        tokens.put(token.digest(), token);
    }

    @Override
    public Optional<AuthToken> byDigest(String digest) {
        return Optional.ofNullable(tokens.get(digest));
    }

    @Override
    public Optional<Holder> withHolder(String digest) {
        return Optional.empty();
    }

    @Override
    public boolean remove(String digest) {
        return tokens.remove(digest) != null;
    }

    @Override
    public int removeOfUser(String userId) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.userId().equals(userId));
        return before - tokens.size();
    }

    @Override
    public int removeExpired(Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.isExpiredAt(now));
        return before - tokens.size();
    }
}
