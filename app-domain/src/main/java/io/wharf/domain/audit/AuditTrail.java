package io.wharf.domain.audit;

import java.time.Instant;
import java.util.List;

/** Where traces are kept. */
public interface AuditTrail {

    /** Stores traces, in one statement batch. */
    void append(List<AuditTrace> traces);

    List<AuditTrace> find(AuditQuery query);

    /**
     * How many traces of one action (a service's push, say) the account has each day (UTC) since {@code from}; only
     * one user's when {@code onlyUserId} is given.
     */
    java.util.Map<java.time.LocalDate, Long> dailyCounts(String accountId, String onlyUserId, String serviceType,
                                                         String traceName, Instant from);

    /** Removes traces older than {@code cutoff}; answers how many. */
    int purgeBefore(Instant cutoff);
}
