package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.audit.AuditTrail;
import io.wharf.domain.error.WharfException;
import io.wharf.web.Jsonp;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail. A request records its trace in memory (no database work on the request's thread, so a push pays
 * for a queue insert only); a writer stores what is queued every half second in one batch. When the server stops,
 * what is still queued goes to {@code <data>/audit-spool.jsonl} (the database may be gone by then), stored at the
 * next start. Traces older than {@code WHARF_AUDIT_RETENTION_DAYS} (default 180) are removed daily; {@code WHARF_AUDIT=off}
 * records nothing. An account's administrators read all of the account's traces, its other users their own.
 */
@ApplicationScoped
public class AuditService {
    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());
    /** At most this many traces wait in memory; past it new ones are counted as dropped and logged. */
    static final int MAX_QUEUED = 100_000;
    public static final int MAX_LIMIT = 200;

    @Inject
    AuditTrail trail;
    @Inject
    WharfSettings settings;
    @Inject
    AuditService self;
    @Inject
    ClusterNode node;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    /** The periodic tasks this bean started, cancelled when the application stops. */
    private final java.util.List<java.util.concurrent.ScheduledFuture<?>> scheduled =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ConcurrentLinkedQueue<AuditTrace> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private boolean enabled = !"off".equalsIgnoreCase(WharfSettings.value("WHARF_AUDIT").orElse("on"));
    private int retentionDays = Integer.parseInt(WharfSettings.value("WHARF_AUDIT_RETENTION_DAYS").orElse("180"));

    protected AuditService() {
    }

    /** For tests over in-memory ports: writes when the test flushes. */
    public AuditService(AuditTrail trail) {
        this.trail = trail;
        this.self = this;
        this.enabled = true;
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) Startup started) {
        restoreSpool();
        scheduled.add(scheduler.scheduleWithFixedDelay(this::flush, 500, 500, TimeUnit.MILLISECONDS));
        scheduled.add(scheduler.scheduleWithFixedDelay(() -> node.once("audit-purge", Duration.ofHours(23),
                Duration.ofHours(1), this::purge), 1, 24 * 60, TimeUnit.MINUTES));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Queues a trace; never blocks and never fails the request. */
    public void record(AuditTrace trace) {
        if (!enabled) {
            return;
        }
        if (size.incrementAndGet() > MAX_QUEUED) {
            size.decrementAndGet();
            if (dropped.getAndIncrement() % 10_000 == 0) {
                LOG.warning("The audit trail's queue is full (the database is not keeping up); traces are dropped: "
                        + dropped.get());
            }
            return;
        }
        queued.add(trace);
    }

    /** Stores what is queued, a thousand at a time; a batch the database refuses goes back to the queue. */
    void flush() {
        while (!queued.isEmpty()) {
            List<AuditTrace> batch = new ArrayList<>();
            for (AuditTrace t; batch.size() < 1000 && (t = queued.poll()) != null; ) {
                batch.add(t);
            }
            size.addAndGet(-batch.size());
            try {
                UseCaseInterceptor.whileNoOneCommits(() -> self.append(batch));
            } catch (RuntimeException e) {
                queued.addAll(batch);
                size.addAndGet(batch.size());
                LOG.log(Level.WARNING, "Could not store " + batch.size() + " audit traces; retried in a moment", e);
                return;
            }
        }
    }

    @UseCase
    public void append(List<AuditTrace> batch) {
        trail.append(batch);
    }

    /** The caller's account's traces (only their own unless they administer it), newest first. */
    @UseCase
    public List<AuditTrace> query(Caller caller, AuditQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw WharfException.invalid("limit", "limit must be 1 to " + MAX_LIMIT + ".");
        }
        if (!query.from().isBefore(query.to())) {
            throw WharfException.invalid("from", "from must be before to.");
        }
        String onlyUser = caller.accountAdministrator() ? null : caller.userId();
        return trail.find(new AuditQuery(caller.accountId(), onlyUser, query.from(), query.to(), query.userName(),
                query.serviceType(), query.resourceType(), query.resourceName(), query.traceName(), query.rating(),
                query.before(), query.limit()));
    }

    /**
     * The last {@code days} days (UTC) of one action's count, oldest first, zero for a quiet day: the account's, or
     * only the caller's own unless they administer it (the rule the trail's list follows).
     */
    @UseCase
    public java.util.List<java.util.Map.Entry<java.time.LocalDate, Long>> daily(Caller caller, String serviceType,
                                                                              String traceName, int days) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.time.LocalDate first = today.minusDays(days - 1L);
        java.util.Map<java.time.LocalDate, Long> counts = trail.dailyCounts(caller.accountId(),
                caller.accountAdministrator() ? null : caller.userId(), serviceType, traceName,
                first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        java.util.List<java.util.Map.Entry<java.time.LocalDate, Long>> series = new java.util.ArrayList<>();
        for (java.time.LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            series.add(java.util.Map.entry(day, counts.getOrDefault(day, 0L)));
        }
        return series;
    }

    void purge() {
        try {
            int removed = self.purgeOlderThan(Instant.now().minus(Duration.ofDays(retentionDays)));
            if (removed > 0) {
                LOG.info(() -> "Removed " + removed + " audit traces older than " + retentionDays + " days");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove old audit traces", e);
        }
    }

    @UseCase
    public int purgeOlderThan(Instant cutoff) {
        return trail.purgeBefore(cutoff);
    }

    /** Stops the writer with the application, and keeps what it had not stored yet in the spool file. */
    @PreDestroy
    void stop() {
        scheduled.forEach(task -> task.cancel(false));
        if (queued.isEmpty() || settings == null) {
            return;
        }
        Path spool = spool();
        try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            for (AuditTrace t; (t = queued.poll()) != null; ) {
                out.write(json(t));
                out.newLine();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not keep the audit traces still queued at shutdown in " + spool, e);
        }
    }

    private void restoreSpool() {
        Path spool = spool();
        if (!Files.exists(spool)) {
            return;
        }
        try {
            List<AuditTrace> traces = Files.readAllLines(spool, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).map(AuditService::trace).toList();
            for (int i = 0; i < traces.size(); i += 1000) {
                self.append(traces.subList(i, Math.min(traces.size(), i + 1000)));
            }
            Files.delete(spool);
            LOG.info(() -> traces.size() + " audit traces queued at the last shutdown stored");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store the audit traces kept at the last shutdown in " + spool, e);
        }
    }

    private Path spool() {
        return settings.dataDirectory().resolve("audit-spool.jsonl");
    }

    private static String json(AuditTrace t) {
        return Jsonp.PROVIDER.createObjectBuilder().add("trace_id", t.traceId()).add("time", t.time().toString())
                .add("service_type", t.serviceType()).add("trace_name", t.traceName()).add("rating", t.rating())
                .add("resource_type", t.resourceType()).add("resource_name", t.resourceName())
                .add("account_id", t.accountId()).add("account_name", t.accountName()).add("user_id", t.userId())
                .add("user_name", t.userName()).add("access_key", t.accessKey()).add("method", t.method())
                .add("path", t.path()).add("code", t.code()).add("source_ip", t.sourceIp())
                .add("request_id", t.requestId()).build().toString();
    }

    private static AuditTrace trace(String line) {
        JsonObject j = Jsonp.PROVIDER.createReader(new StringReader(line)).readObject();
        return new AuditTrace(0, j.getString("trace_id"), Instant.parse(j.getString("time")), j.getString("service_type"),
                j.getString("trace_name"), j.getString("rating"), j.getString("resource_type"),
                j.getString("resource_name"), j.getString("account_id"), j.getString("account_name"),
                j.getString("user_id"), j.getString("user_name"), j.getString("access_key"), j.getString("method"),
                j.getString("path"), j.getInt("code"), j.getString("source_ip"), j.getString("request_id"));
    }
}
