package io.wharf.integration.registry;

import io.wharf.domain.asset.AssociatedImage;
import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.RemoteRegistryClient;
import io.wharf.domain.sync.SyncFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a registry through the distribution API: {@code _catalog} and each repository's {@code tags/list} (following
 * {@code Link} pages), then each tag's manifest. Answers Basic and Bearer challenges (a token fetched from the realm
 * with the credentials, per scope). Each request has a timeout and is retried twice with growing waits when the
 * network or the server fails; what still fails becomes a {@link SyncFailure} saying why.
 */
@ApplicationScoped
public class OciRegistryClient implements RemoteRegistryClient {
    private static final String ACCEPT = String.join(", ", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int PAGE = 100;
    private static final int ATTEMPTS = 3;
    private static final int FETCHES = 4;
    /** Looked up once: {@code Json.createReader} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final Duration backoff;
    private final SyncNetworkPolicy policy;
    private final HttpClient http;

    public OciRegistryClient() {
        this(Duration.ofSeconds(30), Duration.ofMillis(500), SyncNetworkPolicy.configured());
    }

    /** Redirects are followed by hand: only to the same scheme, host and port, each checked against the policy. */
    public OciRegistryClient(Duration timeout, Duration backoff, SyncNetworkPolicy policy) {
        this.timeout = timeout;
        this.backoff = backoff;
        this.policy = policy;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public int walk(String baseUrl, String username, String password, Executor fetcher, Consumer<RemoteImage> found) {
        Session session = new Session(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), username, password);
        int count = 0;
        for (String repository : pages(session, "v2/_catalog?n=" + PAGE, "repositories")) {
            // A manifest GET is one round trip each; FETCHES of them in flight, handed on in tag order.
            Deque<CompletableFuture<RemoteImage>> inFlight = new ArrayDeque<>();
            try {
                for (String tag : pages(session, "v2/" + repository + "/tags/list?n=" + PAGE, "tags")) {
                    inFlight.add(CompletableFuture.supplyAsync(() -> image(session, repository, tag), fetcher));
                    if (inFlight.size() == FETCHES) {
                        found.accept(result(inFlight.poll()));
                        count++;
                    }
                }
                while (!inFlight.isEmpty()) {
                    found.accept(result(inFlight.poll()));
                    count++;
                }
            } finally {
                inFlight.forEach(f -> f.cancel(false));
            }
        }
        return count;
    }

    private static RemoteImage result(CompletableFuture<RemoteImage> fetch) {
        try {
            return fetch.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Every item of a paged list, following {@code Link: <...>; rel="next"}. */
    private List<String> pages(Session session, String first, String field) {
        List<String> items = new ArrayList<>();
        String next = first;
        while (next != null) {
            HttpResponse<String> response = session.get(next, "application/json");
            JsonObject body = json(response, next);
            JsonValue list = body.get(field);
            if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
                list.asJsonArray().forEach(v -> items.add(((jakarta.json.JsonString) v).getString()));
            }
            Matcher link = NEXT.matcher(response.headers().firstValue("Link").orElse(""));
            next = link.find() ? link.group(1).replaceFirst("^/", "") : null;
        }
        return items;
    }

    private RemoteImage image(Session session, String repository, String tag) {
        String path = "v2/" + repository + "/manifests/" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        HttpResponse<String> response = session.get(path, ACCEPT);
        JsonObject manifest = json(response, path);
        String digest = response.headers().firstValue("Docker-Content-Digest")
                .orElseGet(() -> sha256(response.body()));
        String mediaType = manifest.getString("mediaType",
                response.headers().firstValue("Content-Type").orElse(""));
        long size = 0;
        List<AssociatedImage> associated = new ArrayList<>();
        try {
            if (manifest.containsKey("manifests")) {
                for (JsonValue entry : manifest.getJsonArray("manifests")) {
                    JsonObject child = entry.asJsonObject();
                    size += child.getJsonNumber("size").longValue();
                    associated.add(new AssociatedImage(child.getString("digest"), platform(child)));
                }
            } else {
                size += manifest.getJsonObject("config").getJsonNumber("size").longValue();
                for (JsonValue layer : manifest.getJsonArray("layers")) {
                    size += layer.asJsonObject().getJsonNumber("size").longValue();
                }
            }
        } catch (RuntimeException malformed) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The manifest of " + repository + ":" + tag
                    + " is not an image manifest or index.");
        }
        return new RemoteImage(repository, tag, digest, mediaType, size, associated);
    }

    /** An index entry's platform as {@code architecture[/variant]}, as Wharf's own tags show it; empty if unnamed. */
    private static String platform(JsonObject child) {
        JsonObject platform = child.getJsonObject("platform");
        if (platform == null) {
            return "";
        }
        String variant = platform.getString("variant", "");
        return platform.getString("architecture", "") + (variant.isEmpty() ? "" : "/" + variant);
    }

    private static JsonObject json(HttpResponse<String> response, String path) {
        try (var reader = JSON.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry answered " + path
                    + " with something that is not JSON.");
        }
    }

    private static String sha256(String body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One walk's connection state: the base URL, the credentials and the authorization that currently works. */
    private final class Session {
        private final URI base;
        private final String basic;
        /** Shared by the concurrent fetches; two racing challenges each store a working answer. */
        private volatile String authorization;

        Session(URI base, String username, String password) {
            this.base = base;
            this.basic = username == null || username.isEmpty() ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path, String accept) {
            URI uri = base.resolve(path);
            if (!sameOrigin(base, uri)) {
                throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry linked to another host, which sync does not follow.");
            }
            HttpResponse<String> response = send(uri, accept, authorization);
            if (response.statusCode() == 401) {
                authorization = answer(response.headers().firstValue("WWW-Authenticate").orElse(""));
                response = send(base.resolve(path), accept, authorization);
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry refused the credentials"
                            + (basic == null ? " (none were given)" : "") + " for " + path + ".");
                }
            }
            if (response.statusCode() != 200) {
                throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry answered " + path + " with HTTP "
                        + response.statusCode() + ".");
            }
            return response;
        }

        /** The Authorization header a challenge asks for: Basic, or a bearer token from its realm. */
        private String answer(String header) {
            RegistryChallenge challenge = RegistryChallenge.parse(header);
            if (challenge.basic()) {
                if (basic == null) {
                    throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry needs credentials.");
                }
                return basic;
            }
            HttpResponse<String> response = send(challenge.tokenUri(null), "application/json", basic);
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry's token service refused the credentials.");
            }
            return RegistryChallenge.bearer(response.body());
        }

        /** One request, following redirects that stay on the same scheme, host and port (and nothing else). */
        private HttpResponse<String> send(URI uri, String accept, String auth) {
            URI target = uri;
            for (int hop = 0; ; hop++) {
                HttpResponse<String> response = attempt(target, accept, auth);
                int status = response.statusCode();
                if (status < 300 || status >= 400 || status == 304 || response.headers().firstValue("Location").isEmpty()) {
                    return response;
                }
                URI next;
                try {
                    next = target.resolve(response.headers().firstValue("Location").get().strip());
                } catch (IllegalArgumentException e) {
                    throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry redirected to an address that is not a URL.");
                }
                if (hop == MAX_REDIRECTS || !sameOrigin(target, next)) {
                    throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry redirected "
                            + (hop == MAX_REDIRECTS ? "too many times." : "to another host, which sync does not follow."));
                }
                target = next;
            }
        }

        private static boolean sameOrigin(URI a, URI b) {
            return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                    && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
        }

        private static int port(URI uri) {
            return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }

        /** One request, retried with growing waits when the network or the server fails; the policy is asked first. */
        private HttpResponse<String> attempt(URI uri, String accept, String auth) {
            policy.check(uri);
            IOException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
                if (auth != null) {
                    request.header("Authorization", auth);
                }
                try {
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() < 500 && response.statusCode() != 429 || attempt == ATTEMPTS) {
                        return response;
                    }
                } catch (IOException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SyncFailure(SyncFailure.Reason.TIMED_OUT, "The sync was interrupted.");
                }
                pause(attempt);
            }
            if (last instanceof HttpTimeoutException) {
                throw new SyncFailure(SyncFailure.Reason.TIMED_OUT, "The registry at " + base + " did not answer within "
                        + timeout.toSeconds() + " s (" + ATTEMPTS + " attempts).");
            }
            if (last instanceof ConnectException) {
                throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry at " + base
                        + " is unreachable: nothing accepts connections there.");
            }
            throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry at " + base + " could not be reached.");
        }

        private void pause(int attempt) {
            try {
                Thread.sleep(backoff.toMillis() * attempt * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
