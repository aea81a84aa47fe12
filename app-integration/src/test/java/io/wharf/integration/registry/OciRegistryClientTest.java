package io.wharf.integration.registry;

import io.wharf.domain.sync.RemoteImage;
import io.wharf.domain.sync.SyncFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against real registries: Debian's docker-registry (CNCF distribution) started on free loopback ports,
 * one open and one behind htpasswd, filled with skopeo; plus a closed port and a server that never answers.
 */
class OciRegistryClientTest {
    /** The registries here are on loopback, which sync may reach only when the operator says so. */
    private static final OciRegistryClient CLIENT = new OciRegistryClient(Duration.ofSeconds(2), Duration.ofMillis(50),
            new SyncNetworkPolicy("127.0.0.0/8"));
    private static final ExecutorService FETCHER = Executors.newFixedThreadPool(4);
    private static final List<Process> REGISTRIES = new ArrayList<>();
    private static Path work;
    private static String open;
    private static String secured;

    @BeforeAll
    static void startRegistriesAndPushImages() throws Exception {
        work = Files.createTempDirectory("wharf-oci-client");
        open = start("open", null);
        Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", "syncer", "right-Password").start();
        String line = new String(htpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(htpasswd.waitFor(30, TimeUnit.SECONDS));
        Files.writeString(work.resolve("htpasswd"), line + "\n");
        secured = start("secured", work.resolve("htpasswd"));
        Path layout = layout(work.resolve("image"));
        for (String target : List.of("team/web:1.0", "team/web:2.0", "tools:latest")) {
            push(layout, open, target, null);
        }
        push(layout, secured, "private/app:1", "syncer:right-Password");
    }

    @AfterAll
    static void stopRegistries() {
        REGISTRIES.forEach(Process::destroyForcibly);
        FETCHER.shutdownNow();
    }

    @Test
    void walksEveryRepositoryAndTagWithDigestsAndSizes() {
        List<RemoteImage> found = new ArrayList<>();
        assertEquals(3, CLIENT.walk(open, null, null, FETCHER, found::add));
        assertEquals(List.of("team/web:1.0", "team/web:2.0", "tools:latest"),
                found.stream().map(i -> i.repository() + ":" + i.tag()).sorted().toList(), "tags come in any order");
        RemoteImage web = found.get(0);
        assertTrue(web.digest().startsWith("sha256:"), web.digest());
        assertTrue(web.size() > 4_000, "config and layer sizes add up: " + web.size());
    }

    @Test
    void walksARegistryBehindCredentialsAndNamesWrongOnes() {
        List<RemoteImage> found = new ArrayList<>();
        assertEquals(1, CLIENT.walk(secured, "syncer", "right-Password", FETCHER, found::add));
        assertEquals("private/app", found.get(0).repository());
        SyncFailure wrong = assertThrows(SyncFailure.class,
                () -> CLIENT.walk(secured, "syncer", "wrong", FETCHER, i -> { }));
        assertEquals(SyncFailure.Reason.WRONG_CREDENTIALS, wrong.reason());
        assertEquals(SyncFailure.Reason.WRONG_CREDENTIALS,
                assertThrows(SyncFailure.class, () -> CLIENT.walk(secured, null, null, FETCHER, i -> { })).reason());
    }

    @Test
    void aClosedPortIsUnreachableAndASilentServerTimesOut() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SyncFailure unreachable = assertThrows(SyncFailure.class,
                () -> CLIENT.walk("http://127.0.0.1:" + closed, null, null, FETCHER, i -> { }));
        assertEquals(SyncFailure.Reason.UNREACHABLE, unreachable.reason());
        assertTrue(unreachable.getMessage().contains("unreachable"), unreachable.getMessage());

        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closedSocket) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SyncFailure timedOut = assertThrows(SyncFailure.class,
                    () -> CLIENT.walk("http://127.0.0.1:" + silent.getLocalPort(), null, null, FETCHER, i -> { }));
            assertEquals(SyncFailure.Reason.TIMED_OUT, timedOut.reason());
        }
    }

    @Test
    void loopbackIsRefusedByDefaultBeforeAnyConnection() {
        OciRegistryClient defaults = new OciRegistryClient(Duration.ofSeconds(2), Duration.ofMillis(50),
                new SyncNetworkPolicy(null));
        SyncFailure refused = assertThrows(SyncFailure.class, () -> defaults.walk(open, null, null, FETCHER, i -> { }));
        assertEquals(SyncFailure.Reason.UNREACHABLE, refused.reason());
        assertTrue(refused.getMessage().contains(SyncNetworkPolicy.SETTING), refused.getMessage());
    }

    /** A registry on loopback that answers every request with the given status, Location and body. */
    private static HttpServer answering(int status, String location, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aRedirectToAnotherPortIsNotFollowed() throws Exception {
        HttpServer elsewhere = answering(200, null, "{\"repositories\": [\"stolen\"]}");
        HttpServer redirecting = answering(302, "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/v2/_catalog", "");
        try {
            SyncFailure refused = assertThrows(SyncFailure.class, () -> CLIENT.walk(
                    "http://127.0.0.1:" + redirecting.getAddress().getPort(), null, null, FETCHER, i -> { }));
            assertEquals(SyncFailure.Reason.BAD_ANSWER, refused.reason());
            assertTrue(refused.getMessage().contains("another host"), refused.getMessage());
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void aRemoteBodyIsNeverEchoed() throws Exception {
        HttpServer teapot = answering(418, null, "internal-secret-banner");
        try {
            SyncFailure failure = assertThrows(SyncFailure.class, () -> CLIENT.walk(
                    "http://127.0.0.1:" + teapot.getAddress().getPort(), null, null, FETCHER, i -> { }));
            assertEquals(SyncFailure.Reason.BAD_ANSWER, failure.reason());
            assertFalse(failure.getMessage().contains("internal-secret-banner"), failure.getMessage());
        } finally {
            teapot.stop(0);
        }
    }

    private static String start(String name, Path htpasswd) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = work.resolve(name + ".yml");
        Files.writeString(config, "version: 0.1\nlog: {level: error}\n"
                + "storage: {filesystem: {rootdirectory: " + work.resolve(name + "-data") + "}}\n"
                + "http: {addr: 127.0.0.1:" + port + "}\n"
                + (htpasswd == null ? "" : "auth: {htpasswd: {realm: test, path: " + htpasswd + "}}\n"));
        REGISTRIES.add(new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start());
        String url = "http://127.0.0.1:" + port;
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return url;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(name + " registry did not start: " + Files.readString(work.resolve(name + ".log")));
    }

    private static void push(Path layout, String registry, String target, String creds) throws Exception {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--dest-tls-verify=false"));
        if (creds != null) {
            command.addAll(List.of("--dest-creds", creds));
        }
        command.addAll(List.of("oci:" + layout + ":v1", "docker://" + registry.replace("http://", "") + "/" + target));
        Process skopeo = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(skopeo.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, skopeo.exitValue(), output);
    }

    /** A one-layer OCI image layout tagged v1. */
    private static Path layout(Path root) throws Exception {
        Files.createDirectories(root.resolve("blobs/sha256"));
        Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        byte[] layer = new byte[4096];
        new Random(1).nextBytes(layer);
        String layerDigest = blob(root, layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + layerDigest + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + blob(root, config)
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        Files.writeString(root.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + blob(root, manifest) + "\",\"size\":"
                + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
        return root;
    }

    private static String blob(Path root, byte[] content) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.write(root.resolve("blobs/sha256/" + hex), content);
        return "sha256:" + hex;
    }
}
