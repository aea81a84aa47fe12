package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.maintenance.MaintenanceMode;
import io.wharf.domain.maintenance.MaintenanceModes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeClassInterceptors;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Read-only maintenance mode, set by Wharf's administrators for a backup or a migration: while it is on, pushes and
 * every other write answer 503 with the reason, pulls and reads are served, scheduled work waits. Each server reads
 * the switch from the database at most every {@link #REFRESH}, so all of them follow within that.
 */
@ApplicationScoped
@UseCase
public class MaintenanceService {
    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(MaintenanceService.class.getName());

    @Inject
    MaintenanceModes modes;

    private record Known(MaintenanceMode mode, long until) {
    }

    private volatile Known known = new Known(MaintenanceMode.OFF, 0);

    /** The switch as this server last read it (a database that does not answer leaves the last reading). */
    @ExcludeClassInterceptors
    public MaintenanceMode current() {
        Known now = known;
        if (System.nanoTime() - now.until() < 0) {
            return now.mode();
        }
        try {
            MaintenanceMode read = modes.current();
            known = new Known(read, System.nanoTime() + REFRESH.toNanos());
            return read;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The maintenance switch was not read; the last reading stands", e);
            return now.mode();
        }
    }

    /** Refuses a write while Wharf is read-only: 503 with the administrators' reason. */
    @ExcludeClassInterceptors
    public void requireWritable() {
        MaintenanceMode mode = current();
        if (mode.readOnly()) {
            throw WharfException.unavailable(mode.refusal());
        }
    }

    /** Wharf's administrators turn read-only mode on (with the reason writers will read) or off. */
    public MaintenanceMode set(Caller caller, boolean readOnly, String reason) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators turn maintenance mode on or off.");
        }
        String said = reason == null ? "" : reason.strip();
        if (said.length() > MaintenanceMode.MAX_REASON || said.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw WharfException.invalid("reason", "Invalid reason: at most " + MaintenanceMode.MAX_REASON
                    + " characters on one line");
        }
        MaintenanceMode mode = new MaintenanceMode(readOnly, readOnly ? said : "",
                caller.accountName() + "/" + caller.userName(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        modes.set(mode);
        known = new Known(mode, System.nanoTime() + REFRESH.toNanos());
        LOG.warning(readOnly ? "Wharf is read-only for maintenance, set by " + mode.setBy()
                + (said.isEmpty() ? "" : ": " + said) : "Maintenance mode ended by " + mode.setBy() + ": writes are served.");
        return mode;
    }
}
