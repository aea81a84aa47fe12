package io.wharf.web.it;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.swr.v2.SwrClient;
import com.huaweicloud.sdk.swr.v2.model.ListNamespacesRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upgrade from the previous release: its database (dumped from that release after a team used it: accounts,
 * images pushed and scanned, a share, an access key) and its blobs are restored, a dry run lists what this Wharf would
 * apply and applies nothing, then this Wharf starts on them, migrates, and every image pulls back digest-identical with
 * its tags, share, access key, scan results and settings. The fixtures are made by {@code src/test/upgrade/make-fixture.sh}.
 */
class UpgradeIT {
    private static final String FIXTURE = "/upgrade/schema-14/";
    private static final String DB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String SECRET_KEY = "d2hhcmYtaW50ZWdyYXRpb24tdGVzdC1zZWNyZXRrZXk=";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> expected = new LinkedHashMap<>();
    private static String database;
    private static ExtraServer server;

    @BeforeAll
    static void restoreThePreviousReleasesDatabaseAndBlobs() throws Exception {
        try (InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE + "expected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(" ", 2);
                expected.put(parts[0].equals("image") ? parts[1].split(" ")[0] : parts[0],
                        parts[0].equals("image") ? parts[1].split(" ")[1] : parts[1]);
            }
        }
        database = "wharf_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(DB_SERVER, "wharf", "wharf")) {
            c.createStatement().execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        Path dump = Files.createTempFile("wharf-upgrade", ".sql");
        Path blobs = Files.createTempFile("wharf-upgrade", ".tar.gz");
        try (InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE + "wharf.sql")) {
            Files.copy(in, dump, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE + "data.tar.gz")) {
            Files.copy(in, blobs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        run(new ProcessBuilder("mariadb", "-h127.0.0.1", "-uwharf", "-pwharf", database).redirectInput(dump.toFile()));
        assertEquals(expected.get("schema"), String.valueOf(schemaVersion()), "the dump is the previous release's schema");

        server = new ExtraServer("wharf-upgrade", settings(true));
        run(new ProcessBuilder("tar", "-xzf", blobs.toString(), "-C", server.data.toString()));
    }

    private static Map<String, String> settings(boolean dryRun) {
        Map<String, String> settings = new HashMap<>(Map.of("WHARF_DB", "mariadb", "WHARF_DB_URL", DB_SERVER + database,
                "WHARF_SECRET_KEY", SECRET_KEY, "WHARF_ADMIN_PASSWORD", "not-used-the-admin-exists"));
        if (dryRun) {
            settings.put("WHARF_MIGRATE", "dry-run");
        }
        return settings;
    }

    @AfterAll
    static void dropIt() throws Exception {
        if (server != null) {
            server.stop();
        }
        try (Connection c = DriverManager.getConnection(DB_SERVER, "wharf", "wharf")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static void run(ProcessBuilder command) throws Exception {
        Process process = command.redirectError(ProcessBuilder.Redirect.PIPE).start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0, command.command() + ": " + errors);
    }

    private static int schemaVersion() throws Exception {
        try (Connection c = DriverManager.getConnection(DB_SERVER + database, "wharf", "wharf");
             ResultSet rows = c.createStatement().executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String account, String password) throws Exception {
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(server.url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WharfServer.tokenBody(account, "boss", password))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, issued.statusCode(), issued.body());
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void theDryRunListsThePendingMigrationsThenTheUpgradeKeepsEveryRowAndBlob() throws Exception {
        server.launch();
        String line = server.awaitLog("WHARF_MIGRATE=dry-run:", Duration.ofMinutes(2));
        assertTrue(line.contains("pending, none applied: V15__feed_import_progress.sql"), line);
        assertEquals(expected.get("schema"), String.valueOf(schemaVersion()), "a dry run applies nothing");
        server.stop();

        server.configure(settings(false));
        server.start();
        assertTrue(schemaVersion() > Integer.parseInt(expected.get("schema")), "migrated");

        String creds = "shipyard/boss:shipyard-Boss-1";
        for (String ref : List.of("legacy/web:1.0", "legacy/web:latest", "legacy/api:2.1")) {
            String image = "docker://localhost:" + server.httpPort + "/" + ref;
            assertEquals(expected.get(ref), Skopeo.run("inspect", "--tls-verify=false", "--creds", creds, "--format",
                    "{{.Digest}}", image).ok().output().strip(), ref);
            Path pulled = Files.createTempDirectory("wharf-upgrade-pull");
            Skopeo.run("copy", "--src-tls-verify=false", "--src-creds", creds, image, "oci:" + pulled + ":x").ok();
        }

        String owner = token("shipyard", "shipyard-Boss-1");
        JsonObject notes = json(call("GET", "/v2/manage/namespaces/legacy/repos/notes", owner));
        assertEquals("kept across upgrades", notes.getString("description"), notes.toString());
        String partner = token("harbour", "harbour-Boss-1");
        assertTrue(call("GET", "/v2/manage/shared-repositories?center=thirdparty", partner).body().contains("\"web\""),
                "the share is still there");

        String project = json(HTTP.send(HttpRequest.newBuilder(URI.create(server.url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WharfServer.tokenBody("shipyard", "boss", "shipyard-Boss-1"))).build(),
                HttpResponse.BodyHandlers.ofString())).getJsonObject("token").getJsonObject("project").getString("id");
        SwrClient sdk = SwrClient.newBuilder().withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .withCredential(new BasicCredentials().withAk(expected.get("ak")).withSk(expected.get("sk")).withProjectId(project))
                .withEndpoints(List.of(server.url)).build();
        assertTrue(sdk.listNamespaces(new ListNamespacesRequest()).getNamespaces().stream()
                .anyMatch(n -> "legacy".equals(n.getName())), "the access key made before the upgrade still signs");

        JsonObject web = json(call("GET", "/v5/" + project + "/image/swr-repository?image_type=private_image&namespace=legacy"
                + "&image_name=web", owner)).getJsonArray("data_list").getJsonObject(0);
        assertEquals("success", web.getString("scan_status"), web.toString());
        assertEquals(1, web.getInt("vul_num"), "the scan results made before the upgrade");
    }
}
