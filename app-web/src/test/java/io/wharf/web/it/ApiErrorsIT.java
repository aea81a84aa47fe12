package io.wharf.web.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.json;
import static io.wharf.web.it.WharfServer.request;
import static io.wharf.web.it.WharfServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever goes wrong, the APIs answer JSON with the right status, a request id, and never a stack trace. */
class ApiErrorsIT {
    private static String token;

    @BeforeAll
    static void signIn() {
        token = adminToken();
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(code, json(response).getString("error_code"));
        assertEquals(code, json(response).getString("errorCode"));
        assertEquals(json(response).getString("error_msg"), json(response).getString("errorMessage"));
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("at io.wharf"), response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void everyManageEndpointNeedsAValidToken() {
        assertJsonError(call("GET", "/v2/manage/namespaces", null, null), 401, "SVCSTG.S2I.4019000");
        assertJsonError(call("POST", "/v2/manage/namespaces", null, "{\"namespace\":\"x\"}"), 401, "SVCSTG.S2I.4019000");
        assertJsonError(call("GET", "/v2/manage/namespaces/x", "not-a-token", null), 401, "SVCSTG.SWR.4010000");
        assertJsonError(call("DELETE", "/v2/manage/namespaces/x", "", null), 401, "SVCSTG.S2I.4019000");
        assertJsonError(call("GET", "/v3/users", null, null), 401, "SVCSTG.S2I.4019000");
    }

    @Test
    void unknownPathsAreJson404OnEveryApiRoot() {
        for (String path : List.of("/v2/manage/nothing", "/v3/nothing", "/v5/abc/image/none")) {
            assertJsonError(call("GET", path, token, null), 404, "SVCSTG.SWR.4040083");
        }
        // Outside /v2/manage, /v2 is the registry, which answers in the distribution specification's error form.
        HttpResponse<String> registry = call("GET", "/v2/nothing/at/all", token, null);
        assertEquals(404, registry.statusCode(), registry.body());
        assertTrue(registry.body().startsWith("{\"errors\":[{\"code\":\"NAME_UNKNOWN\""), registry.body());
    }

    @Test
    void theEndpointsIssue14AddedAnswerBadInputWith4xxInTheApisShape() {
        String ns = WharfServer.unique("corpus-");
        assertEquals(201, call("POST", "/v2/manage/namespaces", token, "{\"namespace\": \"" + ns + "\"}").statusCode());
        call("POST", "/v2/manage/namespaces/" + ns + "/repos", token, "{\"repository\": \"app\", \"is_public\": false}");
        String repo = "/v2/manage/namespaces/" + ns + "/repos/app";
        String rule = "{\"algorithm\":\"or\",\"rules\":[{\"template\":\"tag_rule\",\"params\":%s,\"tag_selectors\":%s}]}";
        List<String[]> cases = List.of(
                new String[] {"POST", repo + "/retentions", "{"},
                new String[] {"POST", repo + "/retentions", "[]"},
                new String[] {"POST", repo + "/retentions", "{\"algorithm\":\"and\",\"rules\":[]}"},
                new String[] {"POST", repo + "/retentions", "{\"algorithm\":\"or\",\"rules\":[]}"},
                new String[] {"POST", repo + "/retentions", "{\"algorithm\":\"or\",\"rules\":[null]}"},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"num\":\"x\"}", "[]")},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"num\":{\"a\":1}}", "[]")},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"num\":\"99999999999999\"}", "[]")},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"days\":\"3\"}", "[]")},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"num\":\"3\"}", "[null]")},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"num\":\"3\"}",
                        "[{\"kind\":\"regexp\",\"pattern\":\"(a\"}]")},
                new String[] {"POST", repo + "/retentions", rule.formatted("{\"num\":\"3\"}",
                        "[{\"kind\":\"label\",\"pattern\":\"" + "x".repeat(300) + "\"}]")},
                new String[] {"GET", repo + "/retentions/abc", null},
                new String[] {"GET", repo + "/retentions/-1", null},
                new String[] {"GET", repo + "/retentions/99999999999999999999", null},
                new String[] {"GET", repo + "/retentions/42", null},
                new String[] {"PATCH", repo + "/retentions/42", "{}"},
                new String[] {"DELETE", repo + "/retentions/42", null},
                new String[] {"POST", repo + "/retentions/42/execute?dry_run=maybe", null},
                new String[] {"GET", repo + "/retentions/histories?offset=-1&limit=5", null},
                new String[] {"GET", repo + "/retentions/histories?filter=offset::x%7Climit::y", null},
                new String[] {"POST", repo + "/tags", "{}"},
                new String[] {"POST", repo + "/tags", "{\"source_tag\": 5, \"destination_tag\": [1]}"},
                new String[] {"POST", repo + "/tags", "{\"source_tag\": \"1.0\", \"destination_tag\": \"" + "y".repeat(200) + "\"}"},
                new String[] {"POST", repo + "/tags", "{\"source_tag\": \"missing\", \"destination_tag\": \"ok\"}"},
                new String[] {"GET", "/v2/manage/reports/cpu/daily", null},
                new String[] {"GET", "/v2/manage/reports/store/weekly", null},
                new String[] {"GET", "/v2/manage/projects/someone-else/feature-gates", null},
                new String[] {"GET", "/v2/manage/namespaces/" + ns + "/repos/missing/retentions", null},
                new String[] {"POST", repo + "/triggers", "{"},
                new String[] {"POST", repo + "/triggers", "{}"},
                new String[] {"POST", repo + "/triggers", "{\"name\": [1]}"},
                new String[] {"POST", repo + "/triggers", "{\"name\":\"t\",\"action\":\"update\",\"enable\":\"true\","
                        + "\"trigger_mode\":\"webhook\",\"trigger_type\":\"regular\",\"condition\":\"(a+\","
                        + "\"webhook_url\":\"http://h.example/\",\"webhook_secret\":\"0123456789abcdef\"}"},
                new String[] {"POST", repo + "/triggers", "{\"name\":\"t\",\"action\":\"update\",\"enable\":\"true\","
                        + "\"trigger_mode\":\"webhook\",\"trigger_type\":\"all\",\"webhook_url\":\"file:///etc/passwd\","
                        + "\"webhook_secret\":\"0123456789abcdef\"}"},
                new String[] {"GET", repo + "/triggers/missing", null},
                new String[] {"PATCH", repo + "/triggers/missing", "{\"enable\": \"maybe\"}"},
                new String[] {"DELETE", repo + "/triggers/missing", null},
                new String[] {"GET", repo + "/triggers/missing/deliveries?offset=0&limit=5", null},
                new String[] {"POST", repo + "/sync_repo", "{}"},
                new String[] {"POST", repo + "/sync_repo", "{\"remoteRegionId\": \"mars\", \"remoteNamespace\": \"x\"}"},
                new String[] {"POST", repo + "/sync_repo", "{\"remoteRegionId\": 5, \"syncAuto\": \"yes\"}"},
                new String[] {"DELETE", repo + "/sync_repo", "{\"remoteRegionId\": \"mars\", \"remoteNamespace\": \"x\"}"},
                new String[] {"POST", repo + "/sync_images", "{\"imageTag\": [], \"remoteRegionId\": \"mars\"}"},
                new String[] {"POST", repo + "/sync_images", "{\"imageTag\": \"1.0\"}"},
                new String[] {"GET", repo + "/sync_job?filter=status::lost", null},
                new String[] {"GET", repo + "/sync_job?filter=offset::1", null},
                new String[] {"POST", "/v2/manage/regions", "{\"region_id\": \"x\", \"url\": \"ftp://r.example\"}"},
                new String[] {"POST", "/v2/manage/regions", "{\"region_id\": \"Bad Id\", \"url\": \"http://r.example\"}"},
                new String[] {"DELETE", "/v2/manage/regions/missing", null},
                new String[] {"POST", "/v2/manage/utils/garbage-collection?grace_seconds=9223372036854775807", null},
                new String[] {"POST", "/v2/manage/utils/backups?include_secret_key=maybe", null},
                new String[] {"POST", "/v2/manage/regions/missing/grants", "{\"account\": \"x\", \"namespaces\": \"*\"}"},
                new String[] {"GET", "/v2/manage/projects/someone-else/quotas", null},
                new String[] {"PUT", "/v2/manage/projects/someone-else/quotas", "{\"quotas\": [{\"quota_key\": \"namespace\"}]}"},
                new String[] {"PUT", "/v2/manage/projects/someone-else/quotas", "{\"quotas\": \"all\"}"},
                new String[] {"GET", "/v3/someone-else/traces", null});
        for (String[] c : cases) {
            HttpResponse<String> response = call(c[0], c[1], token, c[2]);
            String what = c[0] + " " + c[1] + " " + c[2] + " -> " + response.statusCode() + " " + response.body();
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, what);
            assertTrue(json(response).getString("error_code").startsWith("SVCSTG."), what);
            assertFalse(response.body().contains("Exception"), what);
        }
    }

    @Test
    void aWrongMethodIsJson405() {
        assertJsonError(call("PUT", "/v2/manage/namespaces", token, "{}"), 405, "SVCSTG.SWR.4050001");
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        assertJsonError(call("POST", "/v2/manage/namespaces", token, "{\"namespace\": "), 400, "SVCSTG.SWR.4000014");
        assertJsonError(call("POST", "/v2/manage/namespaces", token, "[1, 2]"), 400, "SVCSTG.SWR.4000014");
        assertJsonError(call("POST", "/v2/manage/namespaces", token, "{\"namespace\": {\"a\": 1}}"), 400, "SVCSTG.SWR.4000014");
        assertJsonError(call("POST", "/v3/auth/tokens", null, "not json at all"), 400, "SVCSTG.SWR.4000014");
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpResponse<String> response = send(request("/v2/manage/namespaces").header("X-Auth-Token", token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("namespace=x")));
        assertJsonError(response, 415, "SVCSTG.SWR.4001018");
    }

    @Test
    void aBodyOverOneMebibyteIs413WhetherAnnouncedOrChunked() {
        String big = "{\"namespace\": \"" + "a".repeat(1024 * 1024) + "\"}";
        assertJsonError(call("POST", "/v2/manage/namespaces", token, big), 413, "SVCSTG.SWR.4131001");
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofString(big));
        HttpResponse<String> response = send(request("/v2/manage/namespaces").header("X-Auth-Token", token)
                .header("Content-Type", "application/json").POST(chunked));
        assertJsonError(response, 413, "SVCSTG.SWR.4131001");
    }

    @Test
    void aRequestIdSentByTheClientIsKeptAndEveryResponseHasOne() {
        HttpResponse<String> response = send(request("/v2/manage/namespaces").header("X-Auth-Token", token)
                .header("X-Request-Id", "trace-12345678").GET());
        assertEquals("trace-12345678", response.headers().firstValue("X-Request-Id").orElseThrow());
        HttpResponse<String> registry = send(request("/v2/").GET());
        assertTrue(registry.headers().firstValue("X-Request-Id").orElseThrow().length() >= 16);
    }

    @Test
    void readinessReportsTheDatabase() {
        HttpResponse<String> health = send(request("/health/ready").GET());
        assertEquals(200, health.statusCode());
        var check = json(health).getJsonArray("checks").getJsonObject(0);
        assertEquals("database", check.getString("name"));
        assertEquals("UP", check.getJsonObject("data").getString("database"));
    }

}
