package io.wharf.web.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.wharf.web.it.WharfServer.adminToken;
import static io.wharf.web.it.WharfServer.call;
import static io.wharf.web.it.WharfServer.request;
import static io.wharf.web.it.WharfServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Prometheus scrapes from {@code GET /metrics}: requests by endpoint and status, latency, pool and queues. */
class MetricsIT {

    static final String TOKEN = "it-metrics-token-0123456789";

    private static String metrics() {
        HttpResponse<String> scraped = send(request("/-/metrics").header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, scraped.statusCode(), scraped.body());
        return scraped.body();
    }

    @Test
    void requestsAreCountedByEndpointAndStatusWithTheirLatency() {
        String token = adminToken();
        assertEquals(200, call("GET", "/v2/manage/namespaces", token, null).statusCode());
        assertEquals(404, call("GET", "/v2/manage/namespaces/no-such-organization", token, null).statusCode());

        String scraped = metrics();

        assertTrue(scraped.matches("(?s).*wharf_requests_total\\{endpoint=\"NamespacesResource\\.list\",[^}]*status=\"200\",?\\} [1-9].*"),
                "the list is counted by its endpoint and status");
        assertTrue(scraped.contains("status=\"404\""), "a refusal is counted with its status");
        assertTrue(scraped.contains("wharf_request_duration_seconds_bucket{endpoint=\"NamespacesResource.list\""),
                "latency histogram");
        assertTrue(scraped.contains("connectionpool_managed_connections"), "database pool use");
        assertTrue(scraped.contains("wharf_queue_scans") && scraped.contains("wharf_queue_sync_jobs")
                && scraped.contains("wharf_queue_webhooks"), "queue lengths");
    }

    @Test
    void registryRoutesAreEndpointsToo() {
        send(request("/v2/").GET());
        String scraped = metrics();
        assertTrue(scraped.contains("wharf_requests_total{endpoint=\"GET /v2/\""), "registry routes are endpoints too");
    }

    /** Issue 28: the release running is named where operators look before an upgrade: metrics and GET /v2. */
    @Test
    void theReleaseIsNamedInTheMetricsAndTheVersionDocument() {
        String release = io.wharf.domain.startup.Release.version();
        assertTrue(metrics().lines().anyMatch(l -> l.startsWith("wharf_release{")
                && l.contains("version=\"" + release + "\"") && l.matches(".* 1(\\.0)?")), "wharf_release");
        String document = send(request("/v2").GET()).body();
        assertTrue(document.contains("\"wharf_release\":\"" + release + "\""), document);
    }

    /**
     * Issue 28: the whole exposition passes {@code promtool check metrics} (Debian's prometheus package): HELP texts,
     * snake_case names, a histogram without quantile series; with the operator's figures.
     */
    @Test
    void theExpositionPassesPromtoolWithTheOperatorsFigures() throws Exception {
        call("GET", "/v2/manage/namespaces", adminToken(), null);
        String scraped = metrics();
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(scraped.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes());
        assertEquals(0, promtool.waitFor(), said);
        assertTrue(said.isBlank(), said);
        for (String figure : java.util.List.of("# HELP wharf_requests_total Requests answered", "wharf_database_up 1",
                "# TYPE wharf_request_duration_seconds histogram", "le=\"0.005\"", "memory_used_heap_bytes")) {
            assertTrue(scraped.contains(figure), figure + " in\n" + scraped);
        }
    }

    /** Issue 28: metrics are not public by default; Liberty's own /metrics serves no one over HTTP. */
    @Test
    void metricsNeedTheOperatorsToken() {
        assertEquals(401, send(request("/-/metrics").GET()).statusCode());
        assertEquals(401, send(request("/-/metrics").header("Authorization", "Bearer wrong-token-0123456789").GET())
                .statusCode());
        assertTrue(send(request("/metrics").GET()).statusCode() >= 400, "Liberty's endpoint is closed");
    }
}
