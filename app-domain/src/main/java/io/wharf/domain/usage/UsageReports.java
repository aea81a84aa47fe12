package io.wharf.domain.usage;

import java.time.LocalDate;
import java.util.List;

/** Accounts' usage: live counts, pulled bytes added up per day, and daily snapshots of stored bytes. */
public interface UsageReports {

    AccountOverview overview(String accountId);

    /** The same counts over every account of the installation. */
    AccountOverview installation();

    /** Adds bytes pulled from the account's repositories on {@code day}. */
    void addDownflow(String accountId, LocalDate day, long bytes);

    /** Records every account's stored bytes as {@code day}'s (a later snapshot of the same day replaces it). */
    void snapshotStorage(LocalDate day);

    /** The account's days from {@code from} to {@code to} that have a row, in order. */
    List<DailyUsage> daily(String accountId, LocalDate from, LocalDate to);
}
