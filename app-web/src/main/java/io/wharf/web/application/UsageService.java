package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.usage.AccountOverview;
import io.wharf.domain.usage.DailyUsage;
import io.wharf.domain.usage.UsageReports;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An account's usage ({@code ShowDomainOverview}, {@code ShowDomainResourceReports}). Bytes pulled are added up in
 * memory and written every {@value #FLUSH_SECONDS} seconds (a pull does not wait for a write; a stop or a crash loses
 * at most those seconds of counting); stored bytes are snapshotted every hour, the day's last snapshot standing for the day.
 * Days are UTC days.
 */
@ApplicationScoped
public class UsageService {
    private static final Logger LOG = Logger.getLogger(UsageService.class.getName());
    static final int FLUSH_SECONDS = 5;
    static final int REPORT_DAYS = 30;

    @Inject
    UsageReports usage;
    @Inject
    UsageService self;
    @Inject
    ClusterNode node;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;
    /** The periodic tasks this bean started, cancelled when the application stops. */
    private final java.util.List<java.util.concurrent.ScheduledFuture<?>> scheduled =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Map<String, LongAdder> pulled = new ConcurrentHashMap<>();

    /** A report's series: a day and its value in MiB. */
    public record DayValue(String date, double value) {
    }

    protected UsageService() {
    }

    /** For tests over in-memory ports: its own proxy is itself. */
    UsageService(UsageReports usage) {
        this.usage = usage;
        this.self = this;
    }

    void schedule(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduled.add(scheduler.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS));
        scheduled.add(scheduler.scheduleWithFixedDelay(() -> node.once("usage-snapshot", Duration.ofMinutes(55),
                Duration.ofMinutes(30), this::snapshot), 1, 60, TimeUnit.MINUTES));
    }

    /** Counts bytes of a blob served from one of the account's repositories. */
    public void pulled(String accountId, long bytes) {
        pulled.computeIfAbsent(accountId, id -> new LongAdder()).add(bytes);
    }

    /**
     * Writes what was counted. Not on shutdown: by then the persistence unit may be gone (seen as an incident when the
     * test server stopped); a stop, like a crash, loses at most the last {@value #FLUSH_SECONDS} seconds of counting.
     */
    void flush() {
        Map<String, Long> due = new HashMap<>();
        pulled.forEach((account, adder) -> {
            long bytes = adder.sumThenReset();
            if (bytes > 0) {
                due.put(account, bytes);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        try {
            self.write(due, today());
        } catch (RuntimeException e) {
            // Kept for the next flush rather than lost.
            due.forEach(this::pulled);
            LOG.log(Level.WARNING, "Pull traffic could not be recorded; retrying", e);
        }
    }

    private void snapshot() {
        try {
            self.snapshotStorage(today());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The daily storage snapshot failed", e);
        }
    }

    @UseCase
    public void write(Map<String, Long> bytesByAccount, LocalDate day) {
        bytesByAccount.forEach((account, bytes) -> usage.addDownflow(account, day, bytes));
    }

    @UseCase
    public void snapshotStorage(LocalDate day) {
        usage.snapshotStorage(day);
    }

    @UseCase
    public AccountOverview overview(Caller caller) {
        return usage.overview(caller.accountId());
    }

    /** Every account's counts together, for Wharf's administrators. */
    @UseCase
    public AccountOverview installation(Caller caller) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators see the whole installation.");
        }
        return usage.installation();
    }

    /**
     * The last {@value #REPORT_DAYS} days of {@code store} (bytes stored, today's as it is now) or {@code downflow}
     * (bytes pulled), in MiB; {@code daily} is the only frequency.
     */
    @UseCase
    public List<DayValue> report(Caller caller, String resourceType, String frequency) {
        if (!"store".equals(resourceType) && !"downflow".equals(resourceType)) {
            throw WharfException.invalid("resource_type", "resource_type must be store or downflow.");
        }
        if (!"daily".equals(frequency)) {
            throw WharfException.invalid("frequency", "frequency must be daily.");
        }
        LocalDate today = today();
        Map<LocalDate, DailyUsage> days = new HashMap<>();
        usage.daily(caller.accountId(), today.minusDays(REPORT_DAYS - 1), today).forEach(d -> days.put(d.day(), d));
        AccountOverview now = usage.overview(caller.accountId());
        List<DayValue> series = new ArrayList<>();
        for (LocalDate day = today.minusDays(REPORT_DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            DailyUsage d = days.get(day);
            long bytes = "downflow".equals(resourceType) ? (d == null ? 0 : d.downflowBytes())
                    : day.equals(today) ? now.storeBytes() : (d == null ? 0 : d.storeBytes());
            series.add(new DayValue(day.toString(), mebibytes(bytes)));
        }
        return series;
    }

    /** MiB with two decimals, as the overview's {@code store_space} and {@code downflow_size} are given. */
    public static double mebibytes(long bytes) {
        return Math.round(bytes / 1048576.0 * 100) / 100.0;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Stops the periodic tasks with the application (a redeployed or removed module must not leave them firing). */
    @jakarta.annotation.PreDestroy
    void cancelSchedules() {
        scheduled.forEach(task -> task.cancel(false));
    }
}
