package io.wharf.domain.audit;

import java.time.Instant;
import java.util.List;

/** Where traces are kept. */
public interface AuditTrail {

    /** Stores traces, in one statement batch. */
    void append(List<AuditTrace> traces);

    List<AuditTrace> find(AuditQuery query);

    /** Removes traces older than {@code cutoff}; answers how many. */
    int purgeBefore(Instant cutoff);
}
