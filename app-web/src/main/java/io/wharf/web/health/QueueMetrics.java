package io.wharf.web.health;

import io.wharf.domain.cluster.WorkQueues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The work queues' lengths as gauges on {@code GET /metrics} ({@code wharf_queue_scans}, {@code wharf_queue_sync_jobs},
 * {@code wharf_queue_webhooks}), read from the database at each scrape: the same on every node; and the release
 * running ({@code wharf_release{version="0.28.0"} 1}).
 */
@ApplicationScoped
public class QueueMetrics {
    private static final Logger LOG = Logger.getLogger(QueueMetrics.class.getName());

    @Inject
    MetricRegistry metrics;
    @Inject
    WorkQueues queues;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("wharf.queue.scans", "Image scans waiting, across the servers", queues::scansWaiting);
        gauge("wharf.queue.sync.jobs", "Image sync and replication jobs waiting, across the servers",
                queues::syncJobsWaiting);
        gauge("wharf.queue.webhooks", "Webhook deliveries pending, across the servers", queues::webhooksPending);
        // The release as a label of a constant 1, as Prometheus exporters name their build: wharf_release{version=...}.
        // (Liberty drops the tags of a gauge registered by MetricID; this form keeps them.)
        metrics.gauge(io.wharf.web.servlet.RequestMetrics.described("wharf.release",
                "The Wharf release this server runs, as the version label (always 1)"), this, metric -> 1L,
                new org.eclipse.microprofile.metrics.Tag("version", io.wharf.domain.startup.Release.version()));
    }

    private void gauge(String name, String help, LongSupplier length) {
        metrics.gauge(io.wharf.web.servlet.RequestMetrics.described(name, help), this, metric -> {
            try {
                return length.getAsLong();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, name + " not read (the database may be away)", e);
                return -1L;
            }
        });
    }
}
