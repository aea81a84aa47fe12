package io.wharf.web.application;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transaction boundary of every {@link UseCase}, with {@code @Transactional}'s REQUIRED semantics: a method begins
 * a transaction unless one is running, commits when it returns and rolls back when it throws; a method joining a
 * running transaction marks it for rollback when it throws. Wharf's own because Liberty's {@code @Transactional}
 * interceptor writes an FFDC incident file for every exception that leaves a transaction — a name taken, a repository
 * not found — and the log is meant to show real faults only. Here the failure is rolled back and rethrown as it is.
 */
@UseCase
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class UseCaseInterceptor {
    private static final Logger LOG = Logger.getLogger(UseCaseInterceptor.class.getName());

    /**
     * Commits to the embedded H2 database, one at a time: H2's store skips writing a commit that arrives while another
     * commit is being written (it would go with the next one), so a server killed right then loses a commit it had
     * acknowledged. Seen in the crash test once the audit trail's writer committed beside the requests. MariaDB
     * commits are not serialized.
     */
    private static final ReentrantLock EMBEDDED_COMMITS = new ReentrantLock();
    private static volatile Boolean embedded;
    /** Runs of a use case whose transaction the database refused for a reason that passes (see {@link #retriable}). */
    private static final int ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 50;

    /**
     * Runs a background writer's whole transaction while no request commits (the audit trail's writer: on H2 its
     * inserts may make the store write, which then skips a request's concurrent commit). Uncontended on MariaDB.
     */
    static void whileNoOneCommits(Runnable transaction) {
        EMBEDDED_COMMITS.lock();
        try {
            transaction.run();
        } finally {
            EMBEDDED_COMMITS.unlock();
        }
    }

    @Resource
    UserTransaction transaction;
    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    @AroundInvoke
    public Object inTransaction(InvocationContext invocation) throws Exception {
        if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            try {
                return invocation.proceed();
            } catch (RuntimeException | Error e) {
                transaction.setRollbackOnly();
                throw e;
            }
        }
        boolean serialized;
        try {
            serialized = embedded();
        } catch (SQLException e) {
            throw DatabaseFailures.unavailable(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = once(invocation, serialized);
                DatabaseFailures.answered();
                return result;
            } catch (Exception failure) {
                if (attempt < ATTEMPTS && retriable(invocation, failure)) {
                    LOG.fine("Use case " + invocation.getMethod().getName() + " runs again after: " + failure);
                    Thread.sleep(BACKOFF_MILLIS * attempt);
                    continue;
                }
                if (DatabaseFailures.isOutage(failure)) {
                    throw DatabaseFailures.unavailable(failure);
                }
                throw failure;
            }
        }
    }

    /**
     * A use case whose transaction lost a race (a deadlock, a Galera certification conflict) or its connection (a
     * database node went away: the next connection goes to another) runs again from the start. Not one that reads a
     * stream: its bytes are gone.
     */
    private static boolean retriable(InvocationContext invocation, Throwable failure) {
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof java.io.InputStream || parameter instanceof java.io.Reader) {
                return false;
            }
        }
        return DatabaseFailures.isConflict(failure) || DatabaseFailures.isOutage(failure);
    }

    private Object once(InvocationContext invocation, boolean serialized) throws Exception {
        transaction.begin();
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            rollback();
            throw failure;
        }
        if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
            transaction.rollback();
        } else if (serialized) {
            EMBEDDED_COMMITS.lock();
            try {
                transaction.commit();
            } finally {
                EMBEDDED_COMMITS.unlock();
            }
        } else {
            transaction.commit();
        }
        return result;
    }

    /** Whether the database is the embedded H2 (read once, outside any transaction, from the data source). */
    private boolean embedded() throws SQLException {
        if (embedded == null) {
            try (Connection connection = dataSource.getConnection()) {
                embedded = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            }
        }
        return embedded;
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "A failed use case's transaction could not be rolled back", e);
        }
    }
}
