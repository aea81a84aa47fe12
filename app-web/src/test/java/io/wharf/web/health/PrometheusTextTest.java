package io.wharf.web.health;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrometheusTextTest {

    @Test
    void namesAreSnakeCase() {
        assertEquals("memory_used_heap", PrometheusText.snake("memory.usedHeap"));
        assertEquals("connectionpool_wait_time_per_queued_request",
                PrometheusText.snake("connectionpool.waitTime.per.queuedRequest"));
        assertEquals("wharf_queue_sync_jobs", PrometheusText.snake("wharf.queue.sync.jobs"));
        assertEquals("gc_time", PrometheusText.snake("gc.time"));
    }

    @Test
    void familiesAreWrittenWithHelpTypeAndEscapedLabels() {
        PrometheusText text = new PrometheusText();
        text.add("wharf_requests_total", "counter", "Requests answered, by endpoint and status",
                List.of(new PrometheusText.Sample("", Map.of("status", "200", "endpoint", "GET /v2/\"x\""), 3)));
        text.add("a_gauge", "gauge", "A gauge\nover two lines", List.of(new PrometheusText.Sample("", Map.of(), 0.25)));
        assertEquals("""
                # HELP a_gauge A gauge\\nover two lines
                # TYPE a_gauge gauge
                a_gauge 0.25
                # HELP wharf_requests_total Requests answered, by endpoint and status
                # TYPE wharf_requests_total counter
                wharf_requests_total{endpoint="GET /v2/\\"x\\"",status="200"} 3
                """, text.write());
    }

    @Test
    void numbersAreWrittenAsPrometheusReadsThem() {
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("12", PrometheusText.number(12.0));
        assertEquals("0.005", PrometheusText.number(0.005));
    }
}
