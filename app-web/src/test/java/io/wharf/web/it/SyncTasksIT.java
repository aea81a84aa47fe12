package io.wharf.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.issueToken;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image-sync tasks against real remote registries: Debian's docker-registry on free loopback ports (one open and
 * filled with skopeo, one behind htpasswd reached with a wrong password) and a closed port; page 004's filters.
 */
class SyncTasksIT {
    private static final List<DockerRegistry> REGISTRIES = new ArrayList<>();
    private static Path work;
    private static WharfServer.TestAccount owner;
    private static String base;
    private static String taskId;
    private static OciLayout.TwoArchitectures multi;

    @BeforeAll
    static void registriesAndATask() throws Exception {
        work = Files.createTempDirectory("wharf-sync");
        String open = startRegistry("open", null);
        Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", "syncer", "right-Password").start();
        Files.writeString(work.resolve("htpasswd"), new String(htpasswd.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).strip() + "\n");
        assertTrue(htpasswd.waitFor(30, TimeUnit.SECONDS));
        String locked = startRegistry("locked", work.resolve("htpasswd"));
        OciLayout layout = OciLayout.simpleImage(work.resolve("image"), "v1", 1, 10_000);
        for (String target : List.of("team/web:1.0", "team/web:2.0")) {
            Skopeo.run("copy", "--dest-tls-verify=false", "oci:" + layout.root() + ":v1",
                    "docker://" + open.replace("http://", "") + "/" + target).ok();
        }
        multi = OciLayout.twoArchitectures(work.resolve("multi"), "multi");
        Skopeo.run("copy", "--all", "--dest-tls-verify=false", "oci:" + multi.layout().root() + ":multi",
                "docker://" + open.replace("http://", "") + "/team/multi:1.0").ok();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        owner = newAccount(adminToken(), "sync-task");
        String project = json(issueToken(owner.name(), owner.adminName(), owner.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id");
        base = "/v5/" + project + "/image";
        register("mine", "SwrPrivate", null, null, null);
        register("upstream", "Other", open, null, null);
        register("locked", "Harbor", locked, "syncer", "wrong-Password");
        register("gone", "Jfrog", "http://127.0.0.1:" + closed, null, null);

        HttpResponse<String> created = call("POST", base + "/image-sync/tasks", owner.token(),
                "{\"sync_all_registries\": true}");
        assertEquals(200, created.statusCode(), created.body());
        taskId = json(created).getString("task_id");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (registries("sync_status=running").getInt("total_num") > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the task did not end in two minutes");
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopRegistries() {
        REGISTRIES.forEach(DockerRegistry::close);
    }

    private static void register(String name, String type, String url, String user, String password) {
        String body = "{\"registry_name\": \"" + name + "\", \"registry_type\": \"" + type + "\""
                + (url == null ? "" : ", \"registry_url\": \"" + url + "\"")
                + (user == null ? "" : ", \"username\": \"" + user + "\", \"password\": \"" + password + "\"") + "}";
        HttpResponse<String> response = call("POST", base + "/registries", owner.token(), body);
        assertEquals(201, response.statusCode(), response.body());
    }

    private static JsonObject registries(String query) {
        HttpResponse<String> response = call("GET", base + "/image-sync/tasks/" + taskId + "/registries?" + query,
                owner.token(), null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonObject one(String name) {
        JsonArray list = registries("registry_name=" + name).getJsonArray("data_list");
        assertEquals(1, list.size(), list.toString());
        return list.getJsonObject(0);
    }

    @Test
    void eachRegistryEndsFinishedOrFailedWithAReasonAPersonUnderstands() {
        JsonObject upstream = one("upstream");
        assertEquals("finished", upstream.getString("sync_status"), upstream.toString());
        assertEquals(3, upstream.getInt("total_num"), "web:1.0, web:2.0 and multi:1.0");
        assertEquals("Other", upstream.getString("registry_type"));
        assertEquals("finished", one("mine").getString("sync_status"));

        JsonObject locked = one("locked");
        assertEquals("failed", locked.getString("sync_status"));
        assertTrue(locked.getString("failed_reason").contains("refused the credentials"), locked.toString());
        JsonObject gone = one("gone");
        assertEquals("failed", gone.getString("sync_status"));
        assertTrue(gone.getString("failed_reason").contains("unreachable"), gone.toString());
    }

    @Test
    void syncedImagesJoinTheImageListUnderTheirRegistryType() {
        HttpResponse<String> response = call("GET", base + "/swr-repository?image_type=other&limit=50", owner.token(), null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = json(response);
        assertEquals(3, list.getInt("total_num"), list.toString());
        JsonObject first = list.getJsonArray("data_list").getJsonObject(0);
        assertEquals(List.of(), first.getJsonArray("association_images"), "a single-architecture image");
        assertEquals("team", first.getString("namespace"));
        assertEquals("web", first.getString("image_name"));
        assertEquals("other", first.getString("image_type"));
        assertTrue(first.getString("image_digest").startsWith("sha256:"));
        assertTrue(first.getJsonNumber("image_size").longValue() > 10_000, first.toString());
        assertEquals(1, json(call("GET", base + "/swr-repository?image_type=other&image_version=2.0&namespace=team",
                owner.token(), null)).getInt("total_num"));
        assertEquals(0, json(call("GET", base + "/swr-repository?image_type=harbor", owner.token(), null))
                .getInt("total_num"), "the Harbor registry failed: nothing synced from it");
    }

    @Test
    void theTaskListCountsEveryTaskAndPagesThem() {
        HttpResponse<String> response = call("GET", base + "/image-sync/tasks", owner.token(), null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = json(response);
        assertEquals(1, list.getInt("total_num"), list.toString());
        JsonObject task = list.getJsonArray("data_list").getJsonObject(0);
        assertEquals(taskId, task.getString("task_id"));
        assertEquals(4, task.getJsonArray("registries").size());
        JsonObject beyond = json(call("GET", base + "/image-sync/tasks?offset=10", owner.token(), null));
        assertEquals(1, beyond.getInt("total_num"), "total_num counts all tasks, not the page");
        assertEquals(0, beyond.getJsonArray("data_list").size());
        assertEquals(400, call("GET", base + "/image-sync/tasks?limit=5", owner.token(), null).statusCode());
    }

    @Test
    void aSyncedMultiArchitectureImageListsItsImages() {
        JsonObject list = json(call("GET", base + "/swr-repository?image_type=other&image_name=multi", owner.token(), null));
        assertEquals(1, list.getInt("total_num"), list.toString());
        JsonObject item = list.getJsonArray("data_list").getJsonObject(0);
        assertEquals(multi.index().digest(), item.getString("image_digest"));
        HssImageListIT.assertAssociationImages(item, multi, "team", "multi", "1.0", "other");
    }

    @Test
    void page004FiltersAndRanges() {
        assertEquals(4, registries("").getInt("total_num"));
        assertEquals(1, registries("registry_type=Other").getInt("total_num"));
        assertEquals(3, registries("registry_type=Other,Harbor,Jfrog").getInt("total_num"));
        assertEquals(2, registries("sync_status=failed").getInt("total_num"));
        assertEquals(2, registries("sync_status=finished&limit=10&offset=0").getInt("total_num"));
        assertEquals(1, registries("offset=3&limit=10").getJsonArray("data_list").size());
        for (String bad : List.of("limit=9", "limit=201", "offset=-1", "offset=2000001", "registry_type=Quay",
                "sync_status=done")) {
            assertEquals(400, call("GET", base + "/image-sync/tasks/" + taskId + "/registries?" + bad, owner.token(),
                    null).statusCode(), bad);
        }
        WharfServer.TestAccount other = newAccount(adminToken(), "sync-other");
        assertEquals(403, call("GET", base + "/image-sync/tasks/" + taskId + "/registries", other.token(), null)
                .statusCode(), "another account's project id");
        String theirs = "/v5/" + json(issueToken(other.name(), other.adminName(), other.adminPassword()))
                .getJsonObject("token").getJsonObject("project").getString("id") + "/image";
        assertEquals(404, call("GET", theirs + "/image-sync/tasks/" + taskId + "/registries", other.token(), null)
                .statusCode(), "another account's task looks missing");
        assertEquals(400, call("POST", theirs + "/image-sync/tasks", other.token(), "{\"sync_all_registries\": true}")
                .statusCode(), "an account without registries has nothing to sync");
    }

    private static String startRegistry(String name, Path htpasswd) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DockerRegistry registry = DockerRegistry.start(work, name, port, htpasswd);
        REGISTRIES.add(registry);
        return registry.url();
    }
}
