package io.wharf.domain.usage;

import java.time.LocalDate;

/** One day of an account's usage: bytes stored (the day's last snapshot) and bytes pulled. */
public record DailyUsage(LocalDate day, long storeBytes, long downflowBytes) {
}
