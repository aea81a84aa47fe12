package io.wharf.web.registry;

import io.wharf.web.Jsonp;
import io.wharf.domain.account.Caller;
import io.wharf.domain.token.TokenSealer;
import io.wharf.domain.token.TokenSecret;
import io.wharf.web.application.IdentityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who calls the registry. {@code Authorization: Bearer} carries a token this server sealed at {@code /v2/token}: the
 * caller and the actions granted per repository, valid for five minutes, checked without the database. {@code Basic}
 * credentials are checked by {@link IdentityService#registryLogin}; a success is remembered for a minute by the
 * digest of the header (a password hash costs 0.4 s, and clients send the header on every request), and checked once
 * for all the requests that bring it at the same moment.
 */
@ApplicationScoped
public class RegistryAuthenticator {
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    private static final Duration LOGIN_MEMORY = Duration.ofMinutes(1);
    private static final int LOGIN_MEMORY_SIZE = 10_000;

    @Inject
    IdentityService identity;
    @Inject
    TokenSealer sealer;

    private final Map<String, Remembered> logins = new ConcurrentHashMap<>();
    /** Password checks under way, by the digest of the header. */
    private final Map<String, CompletableFuture<Caller>> checking = new ConcurrentHashMap<>();

    private record Remembered(Caller caller, Instant until) {
    }

    /** The caller and, for a bearer token, what it grants ({@code null}: decide from the database). */
    record Identified(Caller caller, Map<String, Set<String>> granted) {
        static final Identified ANONYMOUS = new Identified(null, null);

        boolean anonymous() {
            return caller == null;
        }
    }

    /** A password changed: its Basic logins remembered here are forgotten now, not when their minute ends. */
    void forget(@jakarta.enterprise.event.Observes io.wharf.web.application.CredentialsChanged change) {
        logins.values().removeIf(known -> known.caller().userId().equals(change.userId()));
    }

    /** Reads the Authorization header; a bad one is 401, a missing one is anonymous. */
    Identified identify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Identified.ANONYMOUS;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return readToken(authorization.substring(7).strip())
                    .orElseThrow(() -> new RegistryException(RegistryError.UNAUTHORIZED,
                            "The bearer token is invalid or expired; obtain a new one."));
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Identified(basic(authorization), null);
        }
        throw new RegistryException(RegistryError.UNAUTHORIZED, "Use Basic credentials or a bearer token.");
    }

    /**
     * The caller behind Basic credentials; wrong ones are 401. Clients that start together with the same credentials
     * (a CI fleet's robot account) wait for one password check instead of each paying for their own.
     */
    Caller basic(String authorization) {
        String key = TokenSecret.digest(authorization);
        Remembered known = logins.get(key);
        if (known != null && known.until().isAfter(Instant.now())) {
            return known.caller();
        }
        CompletableFuture<Caller> mine = new CompletableFuture<>();
        CompletableFuture<Caller> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
        try {
            Caller caller = login(authorization);
            if (logins.size() >= LOGIN_MEMORY_SIZE) {
                logins.clear();
            }
            logins.put(key, new Remembered(caller, Instant.now().plus(LOGIN_MEMORY)));
            mine.complete(caller);
            return caller;
        } catch (RuntimeException refused) {
            mine.completeExceptionally(refused);
            throw refused;
        } finally {
            checking.remove(key, mine);
        }
    }

    private Caller login(String authorization) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryError.UNAUTHORIZED, "The Basic credentials are not base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new RegistryException(RegistryError.UNAUTHORIZED, "The Basic credentials lack a password.");
        }
        try {
            return identity.registryLogin(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (RuntimeException refused) {
            if (refused instanceof io.wharf.domain.error.WharfException wharf
                    && wharf.failure() == io.wharf.domain.error.Failure.UNAVAILABLE) {
                throw wharf;  // the database is away: a 503 to retry, not a wrong password
            }
            if (refused instanceof io.wharf.domain.error.WharfException wharf
                    && wharf.failure() == io.wharf.domain.error.Failure.FORBIDDEN) {
                // The right password, set by an administrator: say what to do rather than "wrong password".
                throw new RegistryException(RegistryError.UNAUTHORIZED, wharf.getMessage());
            }
            throw new RegistryException(RegistryError.UNAUTHORIZED, "The registry login's user name or password is wrong.");
        }
    }

    /** Seals a token for the caller ({@code null}: anonymous) granting {@code access}: repository path → actions. */
    String issue(Caller caller, Map<String, Set<String>> access, Instant now) {
        JsonObjectBuilder payload = Jsonp.PROVIDER.createObjectBuilder()
                .add("exp", now.plus(TOKEN_LIFETIME).getEpochSecond());
        if (caller != null) {
            payload.add("sub", Jsonp.PROVIDER.createObjectBuilder().add("user_id", caller.userId())
                    .add("user_name", caller.userName()).add("account_id", caller.accountId())
                    .add("account_name", caller.accountName()).add("project_id", caller.projectId())
                    .add("account_admin", caller.accountAdministrator())
                    .add("system_admin", caller.systemAdministrator()));
        }
        JsonObjectBuilder granted = Jsonp.PROVIDER.createObjectBuilder();
        access.forEach((name, actions) -> {
            JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
            actions.forEach(list::add);
            granted.add(name, list);
        });
        payload.add("access", granted);
        return sealer.seal(payload.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Identified> readToken(String token) {
        return sealer.open(token).map(bytes -> Jsonp.PROVIDER.createReader(new ByteArrayInputStream(bytes)).readObject())
                .filter(json -> json.getJsonNumber("exp").longValue() > Instant.now().getEpochSecond())
                .map(json -> {
                    Caller caller = null;
                    if (json.containsKey("sub") && json.get("sub").getValueType() == JsonValue.ValueType.OBJECT) {
                        JsonObject sub = json.getJsonObject("sub");
                        caller = new Caller(sub.getString("user_id"), sub.getString("user_name"),
                                sub.getString("account_id"), sub.getString("account_name"), sub.getString("project_id"),
                                sub.getBoolean("account_admin"), sub.getBoolean("system_admin"));
                    }
                    Map<String, Set<String>> granted = new HashMap<>();
                    json.getJsonObject("access").forEach((name, actions) -> granted.put(name,
                            Set.copyOf(actions.asJsonArray().getValuesAs(v -> ((jakarta.json.JsonString) v).getString()))));
                    return new Identified(caller, granted);
                });
    }
}
