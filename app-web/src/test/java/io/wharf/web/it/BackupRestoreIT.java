package io.wharf.web.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.ListNamespacesRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup round trip: a Wharf on MariaDB with images, an access key and a share is backed up through the API while
 * a push runs; a second Wharf on an empty database and an empty data directory starts from that backup
 * ({@code WHARF_RESTORE_FROM}); every image pulls back digest-identical, the accounts sign in, the access key signs.
 */
class BackupRestoreIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String DB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String PASSWORD = "backup-Admin-Secret-1";
    private static final List<String> databases = new ArrayList<>();
    private static final List<ExtraServer> servers = new ArrayList<>();

    private static String database() throws Exception {
        String name = "wharf_backup_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(DB_SERVER, "wharf", "wharf")) {
            c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        databases.add(name);
        return name;
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (ExtraServer server : servers) {
            server.stop();
        }
        try (Connection c = DriverManager.getConnection(DB_SERVER, "wharf", "wharf")) {
            for (String name : databases) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static HttpResponse<String> call(ExtraServer server, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static HttpResponse<String> signIn(ExtraServer server, String account, String user, String password) throws Exception {
        return call(server, "POST", "/v3/auth/tokens", null, WharfServer.tokenBody(account, user, password));
    }

    private static String token(ExtraServer server, String account, String user, String password) throws Exception {
        HttpResponse<String> issued = signIn(server, account, user, password);
        assertEquals(201, issued.statusCode(), issued.body());
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    @Test
    void aBackupTakenWhileWharfServesRestoresOnAnEmptyMachineWithEveryImage() throws Exception {
        Path backups = Files.createTempDirectory("wharf-backups");
        ExtraServer original = new ExtraServer("wharf-backup-a", Map.of("WHARF_DB", "mariadb", "WHARF_DB_URL",
                DB_SERVER + database(), "WHARF_ADMIN_PASSWORD", PASSWORD, "WHARF_BACKUP_DIR", backups.toString(), "WHARF_BACKUP_KEEP", "2"));
        servers.add(original);
        original.start();
        String admin = token(original, "wharf", "admin", PASSWORD);
        assertEquals(201, call(original, "POST", "/v3/accounts", admin,
                "{\"account\":{\"name\":\"keeper\",\"admin\":{\"name\":\"boss\",\"password\":\"keeper-Boss-1\"}}}").statusCode());
        String owner = token(original, "keeper", "boss", "keeper-Boss-1");
        assertEquals(201, call(original, "POST", "/v2/manage/namespaces", owner, "{\"namespace\":\"vault\"}").statusCode());
        JsonObject key = json(call(original, "POST", "/v3.0/OS-CREDENTIAL/credentials", owner,
                "{\"credential\":{\"description\":\"ci\"}}")).getJsonObject("credential");

        Path work = Files.createTempDirectory("wharf-backup-images");
        String creds = "keeper/boss:keeper-Boss-1";
        Map<String, Path> images = new LinkedHashMap<>();
        images.put("vault/web:1.0", ImageScanningIT.writeImage(work.resolve("web"), Map.of("srv/index.html", "web 1")));
        images.put("vault/web:latest", images.get("vault/web:1.0"));
        images.put("vault/api:2.0", ImageScanningIT.writeImage(work.resolve("api"), Map.of("srv/api", "api 2")));
        for (Map.Entry<String, Path> image : images.entrySet()) {
            Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", creds, "oci:" + image.getValue() + ":1.0",
                    "docker://localhost:" + original.httpPort + "/" + image.getKey()).ok();
        }

        // The backup starts while another push is under way.
        Path late = ImageScanningIT.writeImage(work.resolve("late"), Map.of("srv/late", "x".repeat(2_000_000)));
        CompletableFuture<Skopeo.Result> pushing = CompletableFuture.supplyAsync(() -> Skopeo.run("copy",
                "--dest-tls-verify=false", "--dest-creds", creds, "oci:" + late + ":1.0",
                "docker://localhost:" + original.httpPort + "/vault/late:1.0"));
        HttpResponse<String> accepted = call(original, "POST", "/v2/manage/utils/backups?include_secret_key=true", admin, null);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(403, call(original, "POST", "/v2/manage/utils/backups", owner, null).statusCode(),
                "only Wharf's administrators back up");
        JsonObject backup = null;
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            backup = json(call(original, "GET", "/v2/manage/utils/backups", admin, null)).getJsonArray("backups").getJsonObject(0);
            if (!backup.getString("state").equals("running")) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals("done", backup.getString("state"), backup.toString());
        assertTrue(backup.getString("message").contains("secret.key beside the secrets"), "asked for, and warned");
        pushing.get().ok();

        // By default the key stays out of the backup; backups beyond WHARF_BACKUP_KEEP=2 are removed.
        Thread.sleep(1100);
        HttpResponse<String> keyless = call(original, "POST", "/v2/manage/utils/backups", admin, null);
        assertEquals(202, keyless.statusCode(), keyless.body());
        assertEquals(409, call(original, "POST", "/v2/manage/utils/backups", admin, null).statusCode(),
                "one backup at a time");
        String keylessPath = json(keyless).getString("path");
        for (int i = 0; i < 480 && !json(call(original, "GET", "/v2/manage/utils/backups", admin, null))
                .getJsonArray("backups").getJsonObject(0).getString("state").equals("done"); i++) {
            Thread.sleep(250);
        }
        assertTrue(Files.exists(Path.of(keylessPath, "backup.json")) && !Files.exists(Path.of(keylessPath, "secret.key")),
                "no secret.key unless asked for");
        // Issue 28: the second backup links the blobs the first one holds instead of copying them again.
        JsonObject second = json(call(original, "GET", "/v2/manage/utils/backups", admin, null)).getJsonArray("backups")
                .getJsonObject(0);
        assertEquals(backup.getJsonNumber("blobs").longValue(), second.getJsonNumber("reused").longValue(), second.toString());
        assertTrue(second.getJsonNumber("blobs").longValue() >= second.getJsonNumber("reused").longValue());
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of(backup.getString("path"), "blobs"))) {
            Path first = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            Path again = Path.of(keylessPath).resolve(Path.of(backup.getString("path")).relativize(first));
            assertEquals(Files.getAttribute(first, "unix:ino"), Files.getAttribute(again, "unix:ino"),
                    "one copy on disk for both backups");
        }

        ExtraServer restored = new ExtraServer("wharf-backup-b", Map.of("WHARF_DB", "mariadb", "WHARF_DB_URL",
                DB_SERVER + database(), "WHARF_RESTORE_FROM", backup.getString("path")));
        servers.add(restored);
        original.stop();
        restored.start();

        for (Map.Entry<String, Path> image : images.entrySet()) {
            String pushed = Skopeo.run("inspect", "--raw", "oci:" + image.getValue() + ":1.0").ok().output();
            String pulledFrom = "docker://localhost:" + restored.httpPort + "/" + image.getKey();
            assertEquals(pushed, Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", creds, pulledFrom).ok().output(),
                    image.getKey());
            Path copy = Files.createTempDirectory("wharf-restored-pull");
            Skopeo.run("copy", "--src-tls-verify=false", "--src-creds", creds, pulledFrom, "oci:" + copy + ":1.0").ok();
        }
        assertEquals(201, signIn(restored, "wharf", "admin", PASSWORD).statusCode(), "the administrator's password came back");
        assertEquals(401, call(restored, "GET", "/v2/manage/namespaces", owner, null).statusCode(),
                "a token issued before the backup is not revived by the restore");
        String project = json(signIn(restored, "keeper", "boss", "keeper-Boss-1")).getJsonObject("token")
                .getJsonObject("project").getString("id");
        SwrClient sdk = SwrClient.newBuilder().withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .withCredential(new BasicCredentials().withAk(key.getString("access")).withSk(key.getString("secret"))
                        .withProjectId(project))
                .withEndpoints(List.of(restored.url)).build();
        assertTrue(sdk.listNamespaces(new ListNamespacesRequest()).getNamespaces().stream()
                .anyMatch(n -> "vault".equals(n.getName())), "the access key (its secret sealed by the restored key) signs");
    }
}
