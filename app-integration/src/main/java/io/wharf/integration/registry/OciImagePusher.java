package io.wharf.integration.registry;

import io.wharf.domain.replication.ImagePusher;
import io.wharf.domain.replication.Region;
import io.wharf.domain.sync.SyncFailure;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes an image to a remote registry through the distribution API, as a client such as skopeo does: each blob is
 * asked for first ({@code HEAD}) and sent only when missing (a monolithic {@code POST} + {@code PUT ?digest=}); the
 * manifests an index names go by digest; the top manifest goes last, under the tag, so a copy that fails half-way
 * leaves no tag naming something incomplete. Answers Basic and Bearer challenges (a token for
 * {@code repository:<name>:pull,push}). Every address is checked against the operator's network allowance.
 */
@ApplicationScoped
public class OciImagePusher implements ImagePusher {
    private static final String MANIFEST_TYPES = String.join(", ", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final SyncNetworkPolicy policy;
    private final Duration timeout;

    public OciImagePusher() {
        this(SyncNetworkPolicy.configured(), Duration.ofMinutes(5));
    }

    public OciImagePusher(SyncNetworkPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
    }

    @Override
    public Copied push(Region region, String password, String repository, String tag, List<Manifest> children,
                       Manifest top, Blobs blobs, boolean override) {
        Session session = new Session(URI.create(region.url().endsWith("/") ? region.url() : region.url() + "/"),
                region.username(), password, repository);
        String base = "v2/" + repository;
        HttpResponse<Void> existing = session.send("HEAD", base + "/manifests/" + encode(tag), null, MANIFEST_TYPES, null, 0);
        if (existing.statusCode() == 200) {
            if (existing.headers().firstValue("Docker-Content-Digest").filter(top.digest()::equals).isPresent()) {
                return new Copied(0, 0);
            }
            if (!override) {
                throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The tag " + tag + " exists on " + region.id()
                        + " with other content, and override is false.");
            }
        }
        Set<String> all = new LinkedHashSet<>();
        children.forEach(m -> all.addAll(m.blobs()));
        all.addAll(top.blobs());
        int sent = 0;
        for (String digest : all) {
            if (session.send("HEAD", base + "/blobs/" + digest, null, null, null, 0).statusCode() == 200) {
                continue;
            }
            upload(session, base, digest, blobs);
            sent++;
        }
        for (Manifest child : children) {
            putManifest(session, base, child.digest(), child);
        }
        putManifest(session, base, tag, top);
        return new Copied(sent, all.size() - sent);
    }

    private void upload(Session session, String base, String digest, Blobs blobs) {
        HttpResponse<Void> started = session.send("POST", base + "/blobs/uploads/", null, null, null, 0);
        String location = started.headers().firstValue("Location").orElse(null);
        if (started.statusCode() != 202 || location == null) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry did not start an upload (HTTP "
                    + started.statusCode() + ").");
        }
        URI target = session.base.resolve(location);
        String put = target.toString() + (location.contains("?") ? "&" : "?") + "digest=" + encode(digest);
        long size;
        try {
            size = blobs.size(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Blob " + digest + " could not be read", e);
        }
        HttpResponse<Void> done = session.send("PUT", put, "application/octet-stream", null, () -> {
            try {
                return blobs.open(digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, size);
        if (done.statusCode() != 201) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry refused blob " + digest + " (HTTP "
                    + done.statusCode() + ").");
        }
    }

    private static void putManifest(Session session, String base, String reference, Manifest manifest) {
        HttpResponse<Void> put = session.send("PUT", base + "/manifests/" + encode(reference), manifest.mediaType(), null,
                () -> new java.io.ByteArrayInputStream(manifest.content()), manifest.content().length);
        if (put.statusCode() != 201) {
            throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry refused the manifest " + manifest.digest()
                    + " (HTTP " + put.statusCode() + ").");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%3A", ":");
    }

    /** One copy's connection state: the base URL, the credentials and the authorization that currently works. */
    private final class Session {
        private final URI base;
        private final String basic;
        private final String repository;
        private String authorization;

        Session(URI base, String username, String password, String repository) {
            this.base = base;
            this.repository = repository;
            this.basic = username == null || username.isEmpty() ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        }

        /** A request, answered once more after a challenge; {@code body} is opened anew for the second attempt. */
        HttpResponse<Void> send(String method, String path, String contentType, String accept,
                                java.util.function.Supplier<InputStream> body, long length) {
            URI uri = base.resolve(path);
            HttpResponse<Void> response = attempt(method, uri, contentType, accept, body, length);
            if (response.statusCode() == 401) {
                authorization = answer(response.headers().firstValue("WWW-Authenticate").orElse(""));
                response = attempt(method, uri, contentType, accept, body, length);
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry refused the credentials"
                            + (basic == null ? " (none were given)" : "") + " to push " + repository + ".");
                }
            }
            if (response.statusCode() == 403) {
                throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry does not let these credentials"
                        + " push " + repository + ".");
            }
            return response;
        }

        private HttpResponse<Void> attempt(String method, URI uri, String contentType, String accept,
                                           java.util.function.Supplier<InputStream> body, long length) {
            if (!uri.getHost().equalsIgnoreCase(base.getHost())) {
                throw new SyncFailure(SyncFailure.Reason.BAD_ANSWER, "The registry sent the upload to another host.");
            }
            policy.check(uri);
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, publisher);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException e) {
                throw new SyncFailure(SyncFailure.Reason.TIMED_OUT, "The registry at " + base + " did not answer within "
                        + timeout.toSeconds() + " s.");
            } catch (ConnectException e) {
                throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry at " + base
                        + " is unreachable: nothing accepts connections there.");
            } catch (IOException e) {
                throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry at " + base + " could not be reached: "
                        + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncFailure(SyncFailure.Reason.TIMED_OUT, "The copy was interrupted.");
            }
        }

        /** The Authorization header a challenge asks for: Basic, or a bearer token for pull and push. */
        private String answer(String header) {
            RegistryChallenge challenge = RegistryChallenge.parse(header);
            if (challenge.basic()) {
                if (basic == null) {
                    throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry needs credentials.");
                }
                return basic;
            }
            URI tokenUri = challenge.tokenUri("repository:" + repository + ":pull,push");
            policy.check(tokenUri);
            HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(30)).GET();
            if (basic != null) {
                request.header("Authorization", basic);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new SyncFailure(SyncFailure.Reason.UNREACHABLE, "The registry's token service could not be reached.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncFailure(SyncFailure.Reason.TIMED_OUT, "The copy was interrupted.");
            }
            if (response.statusCode() != 200) {
                throw new SyncFailure(SyncFailure.Reason.WRONG_CREDENTIALS, "The registry's token service refused the"
                        + " credentials (HTTP " + response.statusCode() + ").");
            }
            return RegistryChallenge.bearer(response.body());
        }
    }
}
