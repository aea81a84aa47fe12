package io.wharf.web.health;

import io.wharf.web.application.BackupService;
import io.wharf.web.application.GarbageCollector;
import io.wharf.web.application.WharfSettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /-/metrics}: Wharf's Prometheus endpoint, in an exposition promtool accepts — Wharf's own figures, the
 * JVM's and Liberty's pools' (names in snake_case), and the operator's: database up, the TLS certificate's expiry, the
 * last backup and the last garbage collection. Not public unless the operator says so ({@code WHARF_METRICS}): by
 * default Prometheus sends {@code Authorization: Bearer <WHARF_METRICS_TOKEN>}, and without a token set the endpoint
 * answers 403 saying how to open it. (Liberty's own {@code /metrics} stays closed: it serves only administrators over
 * HTTPS.)
 */
@WebServlet(urlPatterns = "/-/metrics")
public class MetricsServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());

    @Inject
    MetricRegistry application;
    @Inject
    @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
    MetricRegistry base;
    @Inject
    @RegistryScope(scope = MetricRegistry.VENDOR_SCOPE)
    MetricRegistry vendor;
    @Inject
    @org.eclipse.microprofile.health.Readiness
    DatabaseReadiness database;
    @Inject
    BackupService backups;
    @Inject
    GarbageCollector collector;
    @Inject
    WharfSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String mode = WharfSettings.value("WHARF_METRICS").orElse("token").toLowerCase(java.util.Locale.ROOT);
        if (mode.equals("off")) {
            response.sendError(404);
            return;
        }
        if (!mode.equals("public") && !authorized(request)) {
            response.setStatus(WharfSettings.value("WHARF_METRICS_TOKEN").isEmpty() ? 403 : 401);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(WharfSettings.value("WHARF_METRICS_TOKEN").isEmpty()
                    ? "Metrics are not public: set WHARF_METRICS_TOKEN and give Prometheus that bearer token, or"
                    + " WHARF_METRICS=public.\n" : "Send Authorization: Bearer <WHARF_METRICS_TOKEN>.\n");
            return;
        }
        PrometheusText text = new PrometheusText();
        add(text, application);
        add(text, base);
        add(text, vendor);
        figures(text);
        byte[] body = text.write().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean authorized(HttpServletRequest request) {
        Optional<String> token = WharfSettings.value("WHARF_METRICS_TOKEN");
        String sent = request.getHeader("Authorization");
        return token.isPresent() && sent != null && MessageDigest.isEqual(("Bearer " + token.get())
                .getBytes(StandardCharsets.UTF_8), sent.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The operator's figures, read at each scrape. */
    private void figures(PrometheusText text) {
        gauge(text, "wharf_database_up", "Whether the database answers within two seconds (1) or not (0)",
                database.databaseAnswers() ? 1 : 0);
        backups.lastDone().ifPresent(at -> gauge(text, "wharf_backup_last_success_timestamp_seconds",
                "When the newest finished backup in WHARF_BACKUP_DIR finished", at.getEpochSecond()));
        try {
            collector.lastRun().ifPresent(at -> gauge(text, "wharf_gc_last_run_timestamp_seconds",
                    "When the latest garbage collection finished", at.getEpochSecond()));
        } catch (RuntimeException databaseAway) {
            LOG.log(Level.FINE, "The last collection was not read", databaseAway);
        }
        if (settings.tls() != WharfSettings.Tls.OFF) {
            try (InputStream in = Files.newInputStream(settings.tlsCertificate())) {
                X509Certificate served = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                gauge(text, "wharf_tls_certificate_expiry_timestamp_seconds",
                        "When the certificate Wharf serves HTTPS with (WHARF_TLS_CERT) expires",
                        served.getNotAfter().toInstant().getEpochSecond());
            } catch (IOException | java.security.GeneralSecurityException | RuntimeException unreadable) {
                LOG.log(Level.FINE, "The TLS certificate was not read", unreadable);
            }
        }
    }

    private static void gauge(PrometheusText text, String name, String help, double value) {
        text.add(name, "gauge", help, List.of(new PrometheusText.Sample("", Map.of(), value)));
    }

    /** A registry's metrics as Prometheus families: counters, gauges, and timers and histograms with their buckets. */
    private static void add(PrometheusText text, MetricRegistry registry) {
        for (Map.Entry<MetricID, Metric> entry : registry.getMetrics().entrySet()) {
            MetricID id = entry.getKey();
            Metadata metadata = registry.getMetadata(id.getName());
            String unit = metadata == null ? "none" : metadata.unit().orElse("none");
            String help = metadata == null ? "" : metadata.description().filter(d -> !d.isBlank()).orElse("");
            String name = PrometheusText.snake(id.getName());
            Map<String, String> labels = new HashMap<>(id.getTags());
            labels.remove("mp_scope");
            help = help.isEmpty() ? name.replace('_', ' ') : help;
            try {
                Metric metric = entry.getValue();
                if (metric instanceof Counter counter) {
                    String family = withUnit(name, unit).replaceAll("_total$", "") + "_total";
                    text.add(family, "counter", help, List.of(new PrometheusText.Sample("", labels,
                            counter.getCount() * scale(unit))));
                } else if (metric instanceof Timer timer) {
                    histogram(text, withUnit(name, "seconds"), help, labels, timer.getSnapshot(), 1e-9,
                            timer.getElapsedTime().toNanos() * 1e-9, timer.getCount());
                } else if (metric instanceof Histogram histogram) {
                    histogram(text, withUnit(name, unit), help, labels, histogram.getSnapshot(), scale(unit),
                            histogram.getSum() * scale(unit), histogram.getCount());
                } else if (metric instanceof Gauge<?> gauge && gauge.getValue() != null) {
                    Number number = gauge.getValue();
                    String family = withUnit(name, unit);
                    // Prometheus keeps _count and _total for histograms and counters.
                    family = family.replaceAll("_count$", "_current").replaceAll("_total$", "_sum_current");
                    text.add(family, "gauge", help, List.of(new PrometheusText.Sample("", labels,
                            number.doubleValue() * scale(unit))));
                }
            } catch (RuntimeException unreadable) {
                LOG.log(Level.FINE, "The metric " + id + " was not read", unreadable);
            }
        }
    }

    private static void histogram(PrometheusText text, String family, String help, Map<String, String> labels,
                                  Snapshot snapshot, double scale, double sum, long count) {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        long below = 0;
        for (Snapshot.HistogramBucket bucket : snapshot.bucketValues()) {
            if (Double.isInfinite(bucket.getBucket())) {
                continue;
            }
            below = Math.max(below, bucket.getCount());
            Map<String, String> le = new HashMap<>(labels);
            le.put("le", PrometheusText.number(bucket.getBucket() * scale));
            samples.add(new PrometheusText.Sample("_bucket", le, below));
        }
        Map<String, String> all = new HashMap<>(labels);
        all.put("le", "+Inf");
        samples.add(new PrometheusText.Sample("_bucket", all, Math.max(count, below)));
        samples.add(new PrometheusText.Sample("_sum", labels, sum));
        samples.add(new PrometheusText.Sample("_count", labels, Math.max(count, below)));
        text.add(family, "histogram", help, samples);
    }

    /** The name with its base unit's suffix, once. */
    private static String withUnit(String name, String unit) {
        String suffix = switch (unit) {
            case "nanoseconds", "microseconds", "milliseconds", "seconds" -> "_seconds";
            case "bytes" -> "_bytes";
            case "percent" -> "_percent";
            default -> "";
        };
        return suffix.isEmpty() || name.endsWith(suffix) ? name : name + suffix;
    }

    /** Times in seconds, as Prometheus counts them. */
    private static double scale(String unit) {
        return switch (unit) {
            case "nanoseconds" -> 1e-9;
            case "microseconds" -> 1e-6;
            case "milliseconds" -> 1e-3;
            default -> 1;
        };
    }
}
