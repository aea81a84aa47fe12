package io.wharf.domain.maintenance;

import java.time.Instant;

/**
 * Whether Wharf is read-only for maintenance (a backup, a migration, moving storage): pulls and reads are served,
 * pushes and every other write are refused with the reason, until an administrator turns it off.
 */
public record MaintenanceMode(boolean readOnly, String reason, String setBy, Instant setAt) {
    public static final int MAX_REASON = 500;
    public static final MaintenanceMode OFF = new MaintenanceMode(false, "", "", Instant.EPOCH);

    /** The message a refused write carries. */
    public String refusal() {
        return "Wharf is read-only for maintenance" + (reason.isBlank() ? "" : ": " + reason)
                + ". Pulls and reads are served; writes are refused until an administrator ends it.";
    }
}
