package io.wharf.web.console;

import io.wharf.domain.quota.Quota;
import io.wharf.domain.usage.AccountOverview;
import io.wharf.web.application.QuotaService;
import io.wharf.web.application.UsageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/}: the landing page. The account's organizations, repositories and images, its storage against its
 * quota, and 30 days of storage and pull traffic drawn as charts from the daily snapshots. Wharf's administrators
 * also see the whole installation and the latest garbage collections with the next scheduled one.
 */
@ApplicationScoped
@Path("/")
public class OverviewPages extends ConsoleResource {
    @Inject
    UsageService usage;
    @Inject
    QuotaService quotas;
    @Inject
    io.wharf.web.application.GarbageCollector collector;
    @Inject
    io.wharf.web.application.ScanResultService scans;
    @Inject
    io.wharf.web.application.AuditService audit;

    /** The severities in the order the overview shows them, worst first. */
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "unknown");

    /** One part of the vulnerabilities bar: a severity, its count, and its place in the 600-wide drawing. */
    public record Segment(String severity, long count, double x, double width) {
    }

    @Override
    void handle(ConsoleRequest console) throws IOException {
        ConsoleFormat fmt = new ConsoleFormat(console.reader());
        AccountOverview overview = usage.overview(console.caller());
        Map<String, Object> model = new HashMap<>();
        model.put("overview", overview);
        Map<String, Quota> byKey = new HashMap<>();
        quotas.list(console.caller(), console.caller().projectId()).forEach(q -> byKey.put(q.key().key(), q));
        model.put("quotas", byKey);
        model.put("storage", chart(usage.report(console.caller(), "store", "daily"), fmt));
        model.put("pulls", chart(usage.report(console.caller(), "downflow", "daily"), fmt));
        model.put("pushCounts", counts(audit.daily(console.caller(), "registry", "push", 30), fmt));
        model.put("pullCounts", counts(audit.daily(console.caller(), "registry", "pull", 30), fmt));
        Map<String, Long> found = scans.severities(console.caller());
        long total = found.values().stream().mapToLong(Long::longValue).sum();
        List<Segment> segments = new java.util.ArrayList<>();
        double x = 0;
        for (String severity : SEVERITIES) {
            long count = found.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(severity)
                    || severity.equals("unknown") && SEVERITIES.stream().noneMatch(k -> k.equalsIgnoreCase(e.getKey())))
                    .mapToLong(Map.Entry::getValue).sum();
            double width = total == 0 ? 0 : Math.round(count * 6000.0 / total) / 10.0;
            segments.add(new Segment(severity, count, x, width));
            x += width;
        }
        model.put("severities", segments);
        model.put("vulnerabilities", total);
        if (console.caller().systemAdministrator()) {
            model.put("installation", usage.installation(console.caller()));
            model.put("collections", collector.history(console.caller(), 5));
        }
        console.render("overview", model);
    }

    private static BarChart counts(List<Map.Entry<LocalDate, Long>> series, ConsoleFormat fmt) {
        return BarChart.of(series.stream().map(d -> new BarChart.Point(fmt.date(d.getKey()
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()), d.getValue(), fmt.number(d.getValue()))).toList());
    }

    private static BarChart chart(List<UsageService.DayValue> series, ConsoleFormat fmt) {
        return BarChart.of(series.stream().map(d -> new BarChart.Point(fmt.date(LocalDate.parse(d.date())
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()), d.value(),
                fmt.bytes(Math.round(d.value() * 1048576)))).toList());
    }
}
