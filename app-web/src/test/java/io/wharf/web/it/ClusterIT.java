package io.wharf.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wharf beyond one machine, as an operator runs it: a three-node MariaDB Galera cluster (the driver's failover list),
 * S3 object storage (S3Proxy) with downloads redirected to presigned URLs, two Wharf nodes, and HAProxy in front. skopeo
 * pushes and pulls through the load balancer while one Wharf node is killed with SIGKILL mid-push and one Galera node
 * mid-run: every push, retried, succeeds; every pull returns the digests pushed; no tag is left half-written; scheduled
 * garbage collection runs once per interval across both nodes. Runs in its own Maven profile ({@code cluster}).
 */
class ClusterIT {
    private static final String PASSWORD = "cluster-admin-Secret-1";
    private static final String CREDS = "wharf/admin:" + PASSWORD;
    /** Scheduled collections every 20 seconds on each node, so that the test sees several intervals. */
    private static final double GC_HOURS = 20.0 / 3600;
    private static final String JDBC_HOSTS = "127.0.0.1:13401,127.0.0.1:13402,127.0.0.1:13403";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path work;
    private static Path galera;
    private static S3ProxyServer s3;
    private static final List<ExtraServer> nodes = new ArrayList<>();
    private static HaProxy balancer;

    @BeforeAll
    static void startTheCluster() throws Exception {
        work = Files.createTempDirectory("wharf-cluster");
        // The database servers run as the mysql user: they must reach their directories below this one.
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        galera = work.resolve("galera");
        galeraScript("start");
        s3 = new S3ProxyServer(work.resolve("s3"));
        for (int i = 1; i <= 2; i++) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("WHARF_DB", "mariadb");
            settings.put("WHARF_DB_URL", "jdbc:mariadb:sequential://" + JDBC_HOSTS + "/wharf_cluster");
            settings.put("WHARF_ADMIN_PASSWORD", PASSWORD);
            settings.put("WHARF_NODE_ID", "node" + i);
            // One key for every node: what one node seals (registry tokens, stored secrets) another opens.
            settings.put("WHARF_SECRET_KEY", "d2hhcmYtY2x1c3Rlci10ZXN0LXNoYXJlZC1zZWNyZXQ=");
            settings.put("WHARF_STORAGE", "s3");
            settings.put("WHARF_S3_ENDPOINT", s3.endpoint());
            settings.put("WHARF_S3_BUCKET", "wharf-cluster");
            settings.put("WHARF_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
            settings.put("WHARF_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
            settings.put("WHARF_S3_REDIRECT", "true");
            settings.put("WHARF_GC_INTERVAL_HOURS", Double.toString(GC_HOURS));
            settings.put("WHARF_DRAIN_SECONDS", "5");
            ExtraServer node = new ExtraServer("wharf-node" + i, settings);
            node.start();
            nodes.add(node);
        }
        balancer = new HaProxy(work.resolve("haproxy"), nodes.stream().map(n -> n.httpPort).toList());
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create("http://" + balancer.address() + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WharfServer.tokenBody("wharf", "admin", PASSWORD))));
        assertEquals(201, token.statusCode(), token.body());
        HttpResponse<String> namespace = send(HttpRequest.newBuilder(URI.create("http://" + balancer.address()
                        + "/v2/manage/namespaces")).header("Content-Type", "application/json")
                .header("X-Auth-Token", token.headers().firstValue("X-Subject-Token").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\":\"fleet\"}")));
        assertEquals(201, namespace.statusCode(), namespace.body());
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        for (ExtraServer node : nodes) {
            node.stop();
        }
        if (s3 != null) {
            s3.close();
        }
        galeraScript("stop");
    }

    private static String galeraScript(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("src/test/cluster/galera.sh").toAbsolutePath()
                .toString(), galera.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "galera.sh " + String.join(" ", args) + " took too long");
        assertEquals(0, process.exitValue(), "galera.sh " + String.join(" ", args) + ": " + output);
        return output;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Skopeo.Result push(OciLayout image, String path) {
        return Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", CREDS, "oci:" + image.root() + ":v1",
                "docker://" + balancer.address() + "/" + path);
    }

    /** Pushes through the load balancer until it succeeds (at most five tries): what a CI job's retry does. */
    private static void pushUntilDone(OciLayout image, String path) {
        Skopeo.Result last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            last = push(image, path);
            if (last.exitCode() == 0) {
                return;
            }
        }
        throw new AssertionError("the push of " + path + " never succeeded: " + last.output());
    }

    private static String pulledDigest(String path) {
        String output = Skopeo.run("inspect", "--tls-verify=false", "--creds", CREDS, "--format", "{{.Digest}}",
                "docker://" + balancer.address() + "/" + path).ok().output();
        return output.strip();
    }

    private static String manifestDigest(OciLayout image) throws Exception {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(image.root().resolve("index.json"))))) {
            return reader.readObject().getJsonArray("manifests").getJsonObject(0).getString("digest");
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(CREDS.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theClusterLosesANodeAndADatabaseServerAndNothingElse() throws Exception {
        Map<String, OciLayout> pushed = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            OciLayout image = OciLayout.simpleImage(work.resolve("img" + i), "v1", 2, 200_000);
            push(image, "fleet/app" + i + ":v1").ok();
            pushed.put("fleet/app" + i + ":v1", image);
        }

        // A Wharf node dies (SIGKILL) while a 60 MB push is under way through the load balancer; the push is retried.
        OciLayout big = OciLayout.simpleImage(work.resolve("big"), "v1", 2, 30_000_000);
        Process pushing = Skopeo.start(List.of("skopeo", "--insecure-policy", "copy", "--dest-tls-verify=false",
                "--dest-creds", CREDS, "oci:" + big.root() + ":v1", "docker://" + balancer.address() + "/fleet/big:v1"));
        Thread.sleep(1500);
        nodes.get(0).kill();
        pushing.waitFor(5, TimeUnit.MINUTES);
        pushUntilDone(big, "fleet/big:v1");
        pushed.put("fleet/big:v1", big);

        // A Galera node dies mid-run: the driver's failover list takes the next one; pushes and pulls go on.
        galeraScript("kill", "1");
        OciLayout after = OciLayout.simpleImage(work.resolve("after"), "v1", 1, 100_000);
        pushUntilDone(after, "fleet/after:v1");
        pushed.put("fleet/after:v1", after);

        for (Map.Entry<String, OciLayout> image : pushed.entrySet()) {
            assertEquals(manifestDigest(image.getValue()), pulledDigest(image.getKey()), image.getKey());
            Path copy = Files.createDirectories(work.resolve("pulled")).resolve(image.getKey().replace('/', '_').replace(':', '_'));
            Skopeo.run("copy", "--src-tls-verify=false", "--src-creds", CREDS,
                    "docker://" + balancer.address() + "/" + image.getKey(), "oci:" + copy + ":v1").ok();
        }

        // Every tag listed is whole: no tag of the killed push points at missing content.
        HttpResponse<String> tags = send(HttpRequest.newBuilder(URI.create("http://" + balancer.address()
                + "/v2/fleet/big/tags/list")).header("Authorization", basic()).GET());
        assertEquals(200, tags.statusCode(), tags.body());
        assertEquals("[\"v1\"]", json(tags.body()).getJsonArray("tags").toString());

        // Blob downloads are redirected to the object store, which serves them.
        String layer = big.layerDigests().get(0);
        HttpResponse<String> blob = send(HttpRequest.newBuilder(URI.create("http://" + balancer.address()
                + "/v2/fleet/big/blobs/" + layer)).header("Authorization", basic()).GET());
        assertEquals(307, blob.statusCode());
        assertTrue(blob.headers().firstValue("Location").orElseThrow().startsWith(s3.endpoint()), blob.headers().map().toString());

        // The killed node comes back and takes part again; scheduled collections never ran twice in one interval.
        nodes.get(0).start();
        Thread.sleep(Duration.ofMillis((long) (GC_HOURS * 3_600_000 * 2.5)).toMillis());
        List<Timestamp> collections = collections();
        assertTrue(collections.size() >= 2, "scheduled collections ran: " + collections);
        for (int i = 1; i < collections.size(); i++) {
            long gap = collections.get(i).getTime() - collections.get(i - 1).getTime();
            assertTrue(gap >= GC_HOURS * 3_600_000 * 0.85, "two collections " + gap + " ms apart: " + collections);
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static List<Timestamp> collections() throws Exception {
        List<Timestamp> started = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb:sequential://" + JDBC_HOSTS
                + "/wharf_cluster", "wharf", "wharf");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT started_at FROM garbage_collection WHERE scheduled ORDER BY started_at")) {
            while (rows.next()) {
                started.add(rows.getTimestamp(1));
            }
        }
        return started;
    }
}
