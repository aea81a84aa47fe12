package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.web.fakes.InMemoryUsageReports;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Usage over an in-memory port: pulled bytes counted and written in batches, 30-day series in MiB, bad reports refused. */
class UsageServiceTest {
    private static final Caller OWNER = new Caller("u1", "boss", "a1", "acme", "p1", true, false);
    private final InMemoryUsageReports reports = new InMemoryUsageReports();
    private final UsageService usage = new UsageService(reports);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void pulledBytesAreCountedInMemoryAndWrittenOnFlush() {
        usage.pulled("a1", 1048576);
        usage.pulled("a1", 1048576);
        assertEquals(0, usage.overview(OWNER).downflowBytes(), "nothing written before the flush");
        usage.flush();
        assertEquals(2097152, usage.overview(OWNER).downflowBytes());
        usage.flush();
        assertEquals(2097152, usage.overview(OWNER).downflowBytes(), "a flush writes each byte once");
    }

    @Test
    void aReportHasThirtyDaysInMibWithTodaysStorageAsItIsNow() {
        reports.stored("a1", today.minusDays(3), 3 * 1048576L);
        reports.storedNow = 5 * 1048576L + 524288;
        usage.pulled("a1", 1048576);
        usage.flush();
        List<UsageService.DayValue> store = usage.report(OWNER, "store", "daily");
        assertEquals(30, store.size());
        assertEquals(new UsageService.DayValue(today.minusDays(29).toString(), 0), store.get(0));
        assertEquals(3.0, store.get(26).value());
        assertEquals(5.5, store.get(29).value());
        assertEquals(1.0, usage.report(OWNER, "downflow", "daily").get(29).value());
    }

    @Test
    void anUnknownResourceOrFrequencyIsRefusedByName() {
        assertEquals("resource_type", assertThrows(WharfException.class, () -> usage.report(OWNER, "cpu", "daily")).field());
        assertEquals("frequency", assertThrows(WharfException.class, () -> usage.report(OWNER, "store", "hourly")).field());
    }
}
