package io.wharf.web.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N clients × M images pushed into one repository and pulled back over raw HTTP (the distribution API, nothing
 * Wharf-specific), counting every answer that is not the expected one. Like docker and skopeo, a client with
 * credentials follows the 401 challenge once: it fetches a bearer token from the realm and sends it from then on. Run by the tests at a small size and, as a
 * single-file program with only the JDK, by {@code bench/load.sh} against Wharf and Debian's docker-registry alike:
 * {@code java RegistryLoad.java <base-url> <repository> <clients> <images-per-client> [user:password]}.
 */
public final class RegistryLoad {
    /** What a run measured; {@code firstError} says what went wrong first, if anything did. */
    public record Result(int pushes, int pulls, int errors, double pushesPerSecond, double pullsPerSecond,
                         String firstError) {
        @Override
        public String toString() {
            return String.format("pushes %d (%.1f/s), pulls %d (%.1f/s), errors %d%s", pushes, pushesPerSecond, pulls,
                    pullsPerSecond, errors, firstError == null ? "" : " — first: " + firstError);
        }
    }

    private record Pushed(String tag, String manifestDigest, String layerDigest) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String repository;
    /** Basic credentials, traded for a bearer token per client as docker and skopeo do; null for an open registry. */
    private final String basic;
    private final ThreadLocal<String> bearer = new ThreadLocal<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    public RegistryLoad(String base, String repository, String basic) {
        this.base = base;
        this.repository = repository;
        this.basic = basic;
    }

    public static void main(String[] args) throws Exception {
        String auth = args.length > 4 ? "Basic " + java.util.Base64.getEncoder()
                .encodeToString(args[4].getBytes(StandardCharsets.UTF_8)) : null;
        Result result = new RegistryLoad(args[0], args[1], auth).run(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.out.println(result);
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    public Result run(int clients, int imagesPerClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Pushed>>> pushing = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                pushing.add(pool.submit(() -> push(client, imagesPerClient)));
            }
            List<Pushed> pushed = new ArrayList<>();
            for (Future<List<Pushed>> f : pushing) {
                pushed.addAll(f.get());
            }
            double pushSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            List<Future<Integer>> pulling = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                List<Pushed> share = new ArrayList<>();
                for (int i = c; i < pushed.size(); i += clients) {
                    share.add(pushed.get(i));
                }
                pulling.add(pool.submit(() -> pull(share)));
            }
            int pulls = 0;
            for (Future<Integer> f : pulling) {
                pulls += f.get();
            }
            double pullSeconds = (System.nanoTime() - start) / 1e9;
            return new Result(pushed.size(), pulls, errors.get(), pushed.size() / pushSeconds, pulls / pullSeconds,
                    failures.peek());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each image: a config and a 2 KiB layer of its own, uploaded monolithically, then its manifest under a tag. */
    private List<Pushed> push(int client, int images) {
        List<Pushed> done = new ArrayList<>();
        Random random = new Random(client * 7919L + System.nanoTime());
        for (int i = 0; i < images; i++) {
            byte[] layer = new byte[2048];
            random.nextBytes(layer);
            byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created_by\":\"load " + client + "/" + i
                    + "/" + random.nextLong() + "\"}").getBytes(StandardCharsets.UTF_8);
            String layerDigest = sha256(layer);
            String configDigest = sha256(config);
            if (!upload(layer, layerDigest) || !upload(config, configDigest)) {
                continue;
            }
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                    + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                    + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
            String tag = "c" + client + "-" + i;
            HttpResponse<byte[]> put = send("PUT", "/v2/" + repository + "/manifests/" + tag, manifest,
                    "application/vnd.oci.image.manifest.v1+json");
            if (expect(put, 201, "PUT manifest " + tag)) {
                done.add(new Pushed(tag, sha256(manifest), layerDigest));
            }
        }
        return done;
    }

    private boolean upload(byte[] content, String digest) {
        HttpResponse<byte[]> started = send("POST", "/v2/" + repository + "/blobs/uploads/", null, null);
        if (!expect(started, 202, "POST upload")) {
            return false;
        }
        String location = started.headers().firstValue("Location").orElse("");
        String path = location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location;
        HttpResponse<byte[]> done = send("PUT", path + (path.contains("?") ? "&" : "?") + "digest=" + digest, content,
                "application/octet-stream");
        return expect(done, 201, "PUT upload");
    }

    private int pull(List<Pushed> images) {
        int pulled = 0;
        for (Pushed image : images) {
            HttpResponse<byte[]> manifest = send("GET", "/v2/" + repository + "/manifests/" + image.tag(), null, null,
                    "application/vnd.oci.image.manifest.v1+json");
            HttpResponse<byte[]> layer = send("GET", "/v2/" + repository + "/blobs/" + image.layerDigest(), null, null);
            if (expect(manifest, 200, "GET manifest " + image.tag()) && expect(layer, 200, "GET blob")
                    && check(sha256(manifest.body()).equals(image.manifestDigest()), "manifest content of " + image.tag())
                    && check(sha256(layer.body()).equals(image.layerDigest()), "layer content of " + image.tag())) {
                pulled++;
            }
        }
        return pulled;
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String type, String... accept) {
        HttpResponse<byte[]> response = attempt(method, path, body, type, accept);
        if (response != null && response.statusCode() == 401 && basic != null) {
            bearer.set(token(response.headers().firstValue("WWW-Authenticate").orElse("")));
            response = attempt(method, path, body, type, accept);
        }
        return response;
    }

    /** A bearer token from the challenge's realm for pull and push on the repository, asked with the credentials. */
    private String token(String challenge) {
        java.util.regex.Matcher realm = java.util.regex.Pattern.compile("realm=\"([^\"]+)\"").matcher(challenge);
        if (!realm.find()) {
            return null;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.group(1) + "?service=wharf&scope=repository:"
                + repository + ":pull,push")).header("Authorization", basic).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            String json = new String(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            return token.find() ? "Bearer " + token.group(1) : null;
        } catch (Exception e) {
            failures.add("token: " + e);
            return null;
        }
    }

    private HttpResponse<byte[]> attempt(String method, String path, byte[] body, String type, String... accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (accept.length > 0) {
            request.header("Accept", accept[0]);
        }
        if (bearer.get() != null) {
            request.header("Authorization", bearer.get());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            errors.incrementAndGet();
            failures.add(method + " " + path + ": " + e);
            return null;
        }
    }

    private boolean expect(HttpResponse<byte[]> response, int status, String what) {
        if (response == null) {
            return false;
        }
        return check(response.statusCode() == status, what + " answered " + response.statusCode() + " "
                + new String(response.body(), StandardCharsets.UTF_8));
    }

    private boolean check(boolean ok, String what) {
        if (!ok) {
            errors.incrementAndGet();
            failures.add(what);
        }
        return ok;
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
