package io.wharf.persistence.startup;

import io.wharf.domain.startup.ServerExit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Waits for the database at start: a server that comes up before its database (a reboot's order, a database still
 * recovering) waits for it — one line when it starts waiting, one every {@link #REPORT_EVERY}, one when the database
 * answers — instead of failing for good; after {@code WHARF_DB_WAIT_SECONDS} (default 120) the start fails, saying why.
 */
public final class DatabaseWait {
    public static final Duration REPORT_EVERY = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());

    private final Duration limit;
    private final LongSupplier clock;
    private final Sleeper sleeper;

    /** Pauses between attempts (tests pass one that advances their clock). */
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    public DatabaseWait(Duration limit, LongSupplier nanoClock, Sleeper sleeper) {
        this.limit = limit;
        this.clock = nanoClock;
        this.sleeper = sleeper;
    }

    /** The wait {@code WHARF_DB_WAIT_SECONDS} sets, on the real clock. */
    public static DatabaseWait configured() {
        String value = io.wharf.domain.config.Configuration.value("WHARF_DB_WAIT_SECONDS").orElse(null);
        long seconds;
        try {
            seconds = value == null || value.isBlank() ? 120 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > 3600) {
            throw ServerExit.startFailed("WHARF_DB_WAIT_SECONDS must be a number of seconds from 0 to 3600, not \""
                    + value + "\".");
        }
        return new DatabaseWait(Duration.ofSeconds(seconds), System::nanoTime, pause -> Thread.sleep(pause.toMillis()));
    }

    /** Returns once a connection opens; fails the start when none did within the limit. */
    public void await(DataSource dataSource) {
        long start = clock.getAsLong();
        long nextReport = 0;
        Duration pause = Duration.ofMillis(500);
        SQLException last = null;
        boolean waited = false;
        while (true) {
            try (Connection ignored = dataSource.getConnection()) {
                if (waited) {
                    LOG.warning("The database answers: it was unreachable for " + elapsed(start).toSeconds()
                            + " s. Wharf starts.");
                }
                return;
            } catch (SQLException e) {
                last = e;
            }
            Duration elapsed = elapsed(start);
            if (elapsed.compareTo(limit) >= 0) {
                throw ServerExit.startFailed("the database is unreachable (" + reason(last) + ") and did not answer within "
                        + limit.toSeconds() + " s (WHARF_DB_WAIT_SECONDS). Check WHARF_DB_URL and that the database runs.");
            }
            if (elapsed.toNanos() >= nextReport) {
                LOG.warning((waited ? "Still waiting for the database (" : "The database is unreachable (") + reason(last)
                        + "); waited " + elapsed.toSeconds() + " s of at most " + limit.toSeconds()
                        + " s (WHARF_DB_WAIT_SECONDS).");
                nextReport = elapsed.toNanos() + REPORT_EVERY.toNanos();
                waited = true;
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ServerExit.startFailed("the wait for the database was interrupted (the server is stopping).");
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : pause.multipliedBy(2);
        }
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(clock.getAsLong() - start);
    }

    /** The driver's message (it names the address) without Liberty's appended codes, on one line. */
    static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int liberty = message.indexOf(" DSRA");
        return ServerExit.oneLine(liberty > 0 ? message.substring(0, liberty) : message);
    }
}
