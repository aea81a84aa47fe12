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
        HttpResponse<String> health = send(request("/health/ready").GET());
        assertTrue(health.headers().firstValue("X-Request-Id").orElseThrow().length() >= 16);
    }

    @Test
    void readinessReportsTheDatabase() {
        HttpResponse<String> health = send(request("/health/ready").GET());
        assertEquals(200, health.statusCode());
        assertEquals("UP", json(health).getJsonObject("checks").getString("database"));
    }

}
