package io.wharf.web.fakes;

import io.wharf.domain.usage.AccountOverview;
import io.wharf.domain.usage.DailyUsage;
import io.wharf.domain.usage.UsageReports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Usage days in a map; stored bytes now as the test sets them. */
public final class InMemoryUsageReports implements UsageReports {
    private final Map<String, DailyUsage> days = new TreeMap<>();
    public long storedNow;

    @Override
    public synchronized AccountOverview overview(String accountId) {
        long pulled = days.entrySet().stream().filter(e -> e.getKey().startsWith(accountId + "/"))
                .mapToLong(e -> e.getValue().downflowBytes()).sum();
        return new AccountOverview(1, 1, 1, storedNow, pulled);
    }

    @Override
    public synchronized AccountOverview installation() {
        long pulled = days.values().stream().mapToLong(DailyUsage::downflowBytes).sum();
        return new AccountOverview(1, 1, 1, storedNow, pulled);
    }

    @Override
    public synchronized void addDownflow(String accountId, LocalDate day, long bytes) {
        DailyUsage d = days.getOrDefault(accountId + "/" + day, new DailyUsage(day, 0, 0));
        days.put(accountId + "/" + day, new DailyUsage(day, d.storeBytes(), d.downflowBytes() + bytes));
    }

    @Override
    public synchronized void snapshotStorage(LocalDate day) {
        throw new UnsupportedOperationException("snapshots of every account are tested on MariaDB");
    }

    /** A stored-bytes snapshot of one account, as the hourly job would leave it. */
    public synchronized void stored(String accountId, LocalDate day, long bytes) {
        DailyUsage d = days.getOrDefault(accountId + "/" + day, new DailyUsage(day, 0, 0));
        days.put(accountId + "/" + day, new DailyUsage(day, bytes, d.downflowBytes()));
    }

    @Override
    public synchronized List<DailyUsage> daily(String accountId, LocalDate from, LocalDate to) {
        return days.entrySet().stream().filter(e -> e.getKey().startsWith(accountId + "/")).map(Map.Entry::getValue)
                .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to)).toList();
    }
}
