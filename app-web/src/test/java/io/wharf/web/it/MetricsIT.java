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

    private static String metrics() {
        HttpResponse<String> scraped = send(request("/metrics").GET());
        assertEquals(200, scraped.statusCode());
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
        assertTrue(scraped.contains("connectionpool_managedConnections"), "database pool use");
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
     * Issue 28: Wharf's own families pass {@code promtool check metrics} (Debian's prometheus package): HELP texts, a
     * histogram without quantile series. Liberty's JVM and pool families (camelCase names) are left out here.
     */
    @Test
    void wharfsOwnMetricsPassPromtool() throws Exception {
        call("GET", "/v2/manage/namespaces", adminToken(), null);
        StringBuilder own = new StringBuilder();
        for (String line : metrics().lines().toList()) {
            String name = line.startsWith("# ") ? line.split(" ")[2] : line.split("[{ ]")[0];
            if (name.startsWith("wharf_")) {
                own.append(line).append('\n');
            }
        }
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(own.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes());
        assertEquals(0, promtool.waitFor(), said + "\n" + own);
        assertTrue(own.toString().contains("# HELP wharf_requests_total Requests answered"), own.toString());
    }
}
