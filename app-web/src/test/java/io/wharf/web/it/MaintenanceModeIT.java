package io.wharf.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28: read-only maintenance mode, as an operator uses it around a backup: skopeo's push is refused with the
 * reason while its pull is served, the API's writes are 503 in SWR's shape, a backup still runs; then writes return.
 */
class MaintenanceModeIT {
    private static final String REGISTRY = WharfServer.URL.replace("http://", "");

    @Test
    void aReadOnlyWharfServesPullsAndRefusesPushesWithTheReason() throws Exception {
        String admin = adminToken();
        WharfServer.TestAccount team = newAccount(admin, "readonly");
        assertEquals(201, call("POST", "/v2/manage/namespaces", team.token(), "{\"namespace\": \"" + team.name() + "\"}")
                .statusCode());
        Path work = Files.createTempDirectory("wharf-read-only");
        Path layout = ImageScanningIT.writeImage(work.resolve("image"), Map.of("srv/app", "before maintenance"));
        String creds = team.name() + "/boss:" + team.adminPassword();
        String image = "docker://" + REGISTRY + "/" + team.name() + "/app:1.0";
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", creds, "oci:" + layout + ":1.0", image).ok();

        assertEquals(403, call("PUT", "/v2/manage/utils/maintenance", team.token(),
                "{\"read_only\": true, \"reason\": \"mine\"}").statusCode(), "only Wharf's administrators");
        HttpResponse<String> on = call("PUT", "/v2/manage/utils/maintenance", admin,
                "{\"read_only\": true, \"reason\": \"nightly backup\"}");
        assertEquals(200, on.statusCode(), on.body());
        try {
            assertTrue(json(call("GET", "/v2/manage/utils/maintenance", team.token(), null)).getBoolean("read_only"));
            Skopeo.Result pushed = Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", creds,
                    "oci:" + layout + ":1.0", "docker://" + REGISTRY + "/" + team.name() + "/app:2.0");
            assertFalse(pushed.exitCode() == 0, "the push is refused");
            assertTrue(pushed.output().contains("503"), pushed.output());
            // What the registry says to a client that reads the error: the reason, in the OCI error shape.
            HttpResponse<String> upload = WharfServer.send(WharfServer.request("/v2/" + team.name() + "/app/blobs/uploads/")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(creds.getBytes()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(503, upload.statusCode(), upload.body());
            assertTrue(upload.body().contains("\"UNAVAILABLE\"") && upload.body().contains("nightly backup"),
                    upload.body());
            Skopeo.run("copy", "--src-tls-verify=false", "--src-creds", creds, image, "oci:" + work.resolve("pulled") + ":1.0")
                    .ok();
            HttpResponse<String> write = call("POST", "/v2/manage/namespaces", team.token(), "{\"namespace\": \"later-"
                    + team.name() + "\"}");
            assertEquals(503, write.statusCode(), write.body());
            JsonObject error = json(write);
            assertTrue(error.getString("error_msg").contains("nightly backup"), write.body());
            assertEquals(200, call("GET", "/v2/manage/namespaces", team.token(), null).statusCode(), "reads go on");
            assertEquals(201, WharfServer.issueToken(team.name(), "boss", team.adminPassword()).statusCode(),
                    "signing in goes on");
            assertEquals(202, call("POST", "/v2/manage/utils/backups", admin, null).statusCode(), "a backup runs");
            // It ends before the server is handed to the next test (one backup runs at a time).
            for (int i = 0; i < 600 && json(call("GET", "/v2/manage/utils/backups", admin, null)).getJsonArray("backups")
                    .getJsonObject(0).getString("state").equals("running"); i++) {
                Thread.sleep(200);
            }
        } finally {
            assertEquals(200, call("PUT", "/v2/manage/utils/maintenance", admin, "{\"read_only\": false}").statusCode());
        }
        Skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", creds, "oci:" + layout + ":1.0",
                "docker://" + REGISTRY + "/" + team.name() + "/app:2.0").ok();
    }
}
