package io.wharf.web.application;

import io.wharf.domain.error.WharfException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Reads a failed transaction's cause: the database was out of reach (a connection refused or lost: the server is
 * down, or a Galera node left the cluster), or it refused the transaction for another's sake (a deadlock, or a Galera
 * certification conflict, both SQLSTATE 40001). Either way the same work, started again, can succeed.
 */
final class DatabaseFailures {
    /** MariaDB's deadlock error, which Galera also returns for a write set that failed certification. */
    private static final int DEADLOCK = 1213;

    private DatabaseFailures() {
    }

    /** The database could not be reached, or the connection broke mid-transaction. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // Hibernate's and the connection pool's names for it, by name: neither type is on every server's path.
            String type = cause.getClass().getSimpleName();
            if (type.equals("JDBCConnectionException") || type.equals("ResourceAllocationException")
                    || type.equals("ConnectionWaitTimeoutException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The database rolled the transaction back so that another could commit. */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == DEADLOCK)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Since when the database has been out of reach, or null: the log says when it goes and when it returns, once. */
    private static final java.util.concurrent.atomic.AtomicReference<java.time.Instant> AWAY_SINCE =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DatabaseFailures.class.getName());

    /** An outage as the domain says it: each protocol answers 503 with Retry-After. The first one is logged. */
    static WharfException unavailable(Throwable cause) {
        if (AWAY_SINCE.compareAndSet(null, java.time.Instant.now())) {
            LOG.severe("The database is unreachable (" + firstLine(cause) + "): requests that need it answer 503"
                    + " until it answers again.");
        }
        return WharfException.unavailable("The database does not answer; try again in a few seconds.");
    }

    /** The database answered (a transaction committed): after an outage, one line says it is back. */
    static void answered() {
        java.time.Instant since = AWAY_SINCE.get();
        if (since != null && AWAY_SINCE.compareAndSet(since, null)) {
            LOG.warning("The database answers again, after " + java.time.Duration.between(since, java.time.Instant.now())
                    .toSeconds() + " s out of reach.");
        }
    }

    private static String firstLine(Throwable cause) {
        Throwable deepest = cause;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = String.valueOf(deepest.getMessage());
        int liberty = message.indexOf(" DSRA");
        return (liberty > 0 ? message.substring(0, liberty) : message).lines().findFirst().orElse("");
    }

    /** An outage as the domain says it; anything else as it is. */
    static RuntimeException translated(RuntimeException failure) {
        return isOutage(failure) ? unavailable(failure) : failure;
    }
}
