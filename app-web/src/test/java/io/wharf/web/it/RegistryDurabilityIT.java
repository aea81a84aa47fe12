package io.wharf.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.wharf.web.it.Skopeo.creds;
import static io.wharf.web.it.Skopeo.image;
import static io.wharf.web.it.Skopeo.run;
import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.newAccount;
import static io.wharf.web.it.WharfServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 200 MB image through a server whose heap is capped at 512 MB, and a server killed with SIGKILL in the middle of a
 * push: after a restart the push is retried to success, and no tag points at missing content.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryDurabilityIT {
    private static final long LAYER = 100L * 1024 * 1024;
    private static final Path WLP = Path.of(System.getProperty("wharf.it.wlp", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("wharf.it.server", "wharf-it");
    private static final Path UPLOADS = Path.of(System.getProperty("wharf.it.data.dir", "target/it-data"),
            "registry", "uploads");

    private static Path work;
    private static OciLayout big;
    /** A second image: clients remember where they pushed a layer and would mount it instead of uploading it again. */
    private static OciLayout crash;
    private static WharfServer.TestAccount owner;
    private static String ns;

    @BeforeAll
    static void buildA200MegabyteImage() throws IOException {
        work = Files.createTempDirectory("wharf-durability");
        big = OciLayout.simpleImage(work.resolve("big"), "v1", 2, LAYER);
        crash = OciLayout.simpleImage(work.resolve("crash"), "v1", 2, LAYER);
        owner = newAccount(adminToken(), "durable");
        ns = unique("big-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", owner.token(), "{\"namespace\": \"" + ns + "\"}")
                .statusCode());
    }

    @AfterAll
    static void removeTheImage() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void twoHundredMegabytesStreamThroughAHalfGigabyteHeap() throws Exception {
        long maxHeap = maxHeapOfServer();
        assertTrue(maxHeap <= 512L * 1024 * 1024, "the server runs with at most 512 MB of heap: " + maxHeap);
        Path pushed = work.resolve("pushed.digest");
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "--digestfile", pushed.toString(),
                "oci:" + big.root() + ":v1", image(ns + "/large:v1")).ok();
        Path pulled = work.resolve("pulled.digest");
        run("copy", "--src-tls-verify=false", "--src-creds", creds(owner), "--digestfile", pulled.toString(),
                image(ns + "/large:v1"), "oci:" + work.resolve("back") + ":v1").ok();
        assertEquals(Files.readString(pushed), Files.readString(pulled));
        for (String layer : big.layerDigests()) {
            assertTrue(Files.size(work.resolve("back/blobs/sha256/" + layer.substring(7))) > LAYER, "whole layer " + layer);
        }
    }

    @Test
    @Order(2)
    void aServerKilledMidPushComesBackAndThePushIsRetried() throws Exception {
        List<String> push = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--dest-tls-verify=false",
                "--dest-creds", creds(owner), "oci:" + crash.root() + ":v1", image(ns + "/crash:v1")));
        // An upload of our own, half sent before the crash, is finished after it: upload sessions survive a restart.
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(creds(owner).getBytes(StandardCharsets.UTF_8));
        byte[] blob = new byte[3_000_000];
        new java.util.Random(5).nextBytes(blob);
        HttpResponse<String> started = WharfServer.send(WharfServer.request("/v2/" + ns + "/resumed/blobs/uploads/")
                .header("Authorization", basic).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .version(java.net.http.HttpClient.Version.HTTP_1_1));
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertEquals(202, WharfServer.send(WharfServer.request(location).header("Authorization", basic)
                .header("Content-Range", "0-1499999").version(java.net.http.HttpClient.Version.HTTP_1_1)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(blob, 0, 1_500_000))).statusCode());

        // A sync task stuck on a registry that accepts connections and never answers is running when the server dies.
        java.net.ServerSocket silent = new java.net.ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            List<java.net.Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        String project = WharfServer.json(WharfServer.issueToken(owner.name(), owner.adminName(), owner.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        assertEquals(201, call("POST", "/v5/" + project + "/image/registries", owner.token(),
                "{\"registry_name\": \"silent\", \"registry_type\": \"Other\", \"registry_url\": \"http://127.0.0.1:"
                        + silent.getLocalPort() + "\"}").statusCode());
        String task = WharfServer.json(call("POST", "/v5/" + project + "/image/image-sync/tasks", owner.token(),
                "{\"sync_all_registries\": true}")).getString("task_id");
        String taskRegistries = "/v5/" + project + "/image/image-sync/tasks/" + task + "/registries";
        assertTrue(call("GET", taskRegistries, owner.token(), null).body().contains("\"running\""));
        HttpResponse<String> again = call("POST", "/v5/" + project + "/image/image-sync/tasks", owner.token(),
                "{\"sync_all_registries\": true}");
        assertEquals(409, again.statusCode(), "a registry being synced is not synced twice at once: " + again.body());

        Process client = Skopeo.start(push);
        waitUntilAnUploadHolds(20L * 1024 * 1024);
        ProcessHandle server = serverProcess();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        assertTrue(client.waitFor(2, TimeUnit.MINUTES));
        assertNotEquals(0, client.exitValue(), "the push was cut off");

        // While Wharf is down the registry comes to life on the same port, holding one image.
        int port = silent.getLocalPort();
        silent.close();
        try (DockerRegistry remote = DockerRegistry.start(work, "resumed", port, null)) {
            OciLayout small = OciLayout.simpleImage(work.resolve("small"), "v1", 1, 10_000);
            run("copy", "--dest-tls-verify=false", "oci:" + small.root() + ":v1",
                    "docker://" + remote.address() + "/team/resumed:1.0").ok();

            restartServer();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            String afterRestart = call("GET", taskRegistries, owner.token(), null).body();
            while (afterRestart.contains("\"running\"")) {
                assertTrue(Instant.now().isBefore(deadline), "the resumed task did not end: " + afterRestart);
                Thread.sleep(250);
                afterRestart = call("GET", taskRegistries, owner.token(), null).body();
            }
            jakarta.json.JsonObject resumed = WharfServer.json(call("GET", taskRegistries, owner.token(), null))
                    .getJsonArray("data_list").getJsonObject(0);
            assertEquals("finished", resumed.getString("sync_status"),
                    "the interrupted task resumed after the restart and synced the registry: " + resumed);
            assertEquals(1, resumed.getInt("total_num"), resumed.toString());
            String synced = call("GET", "/v5/" + project + "/image/swr-repository?image_type=other", owner.token(), null)
                    .body();
            assertTrue(synced.contains("\"image_name\":\"resumed\""), synced);
        }
        HttpResponse<String> status = WharfServer.send(WharfServer.request(location).header("Authorization", basic)
                .version(java.net.http.HttpClient.Version.HTTP_1_1).GET());
        assertEquals(204, status.statusCode(), status.body());
        assertEquals("0-1499999", status.headers().firstValue("Range").orElseThrow());
        HttpResponse<String> finished = WharfServer.send(WharfServer.request(location + "?digest="
                        + RegistryProtocolIT.sha256(blob)).header("Authorization", basic)
                .header("Content-Range", "1500000-2999999").version(java.net.http.HttpClient.Version.HTTP_1_1)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(blob, 1_500_000, 1_500_000)));
        assertEquals(201, finished.statusCode(), "the digest is recomputed from the file after the restart: "
                + finished.body());
        assertNotEquals(0, run("inspect", "--tls-verify=false", "--creds", creds(owner), image(ns + "/crash:v1"))
                .exitCode(), "no tag names the half-pushed image");

        Path pushed = work.resolve("retried.digest");
        run("copy", "--dest-tls-verify=false", "--dest-creds", creds(owner), "--digestfile", pushed.toString(),
                "oci:" + crash.root() + ":v1", image(ns + "/crash:v1")).ok();
        Path pulled = work.resolve("retried-back.digest");
        run("copy", "--src-tls-verify=false", "--src-creds", creds(owner), "--digestfile", pulled.toString(),
                image(ns + "/crash:v1"), "oci:" + work.resolve("crash-back") + ":v1").ok();
        assertEquals(Files.readString(pushed), Files.readString(pulled), "the retried push is whole");
        HttpResponse<String> tags = call("GET", "/v2/manage/namespaces/" + ns + "/repos/crash/tags", owner.token(), null);
        assertEquals(200, tags.statusCode());
        assertTrue(tags.body().contains(Files.readString(pushed).strip()), tags.body());
    }

    private static void waitUntilAnUploadHolds(long bytes) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> dirs = Files.exists(UPLOADS) ? Files.list(UPLOADS) : Stream.empty()) {
                for (Path dir : dirs.toList()) {
                    Path data = dir.resolve("data");
                    if (Files.exists(data) && Files.size(data) >= bytes) {
                        return;
                    }
                }
            } catch (IOException raced) {
                // An upload finished while we looked; look again.
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no upload reached " + bytes + " bytes under " + UPLOADS);
    }

    private static ProcessHandle serverProcess() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar") && c.contains(" " + SERVER))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the test server's process is not running"));
    }

    private static long maxHeapOfServer() throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(serverProcess().pid()), "VM.flags").start();
        String flags = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        for (String flag : flags.split("\\s+")) {
            if (flag.startsWith("-XX:MaxHeapSize=")) {
                return Long.parseLong(flag.substring("-XX:MaxHeapSize=".length()));
            }
        }
        throw new AssertionError("no MaxHeapSize in " + flags);
    }

    private static void restartServer() throws Exception {
        WharfServer.startLiberty(WLP, SERVER, WharfServer.URL);
    }
}
