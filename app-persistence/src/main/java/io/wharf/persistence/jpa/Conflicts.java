package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;

/** Turns a unique-key violation found on insert into the domain's "exists" failure, so a race still answers 409. */
final class Conflicts {
    private Conflicts() {
    }

    /** Inserts the row now (identity keys insert at persist, others at flush) and maps a duplicate to a conflict. */
    static void persistOrConflict(EntityManager em, Object row, Subject subject, String message) {
        try {
            em.persist(row);
            em.flush();
        } catch (PersistenceException e) {
            if (isIntegrityViolation(e)) {
                throw WharfException.exists(subject, message);
            }
            throw e;
        }
    }

    /** Runs a native insert and maps a duplicate key to a conflict. */
    static void insertOrConflict(jakarta.persistence.Query insert, Subject subject, String message) {
        try {
            insert.executeUpdate();
        } catch (PersistenceException e) {
            if (isIntegrityViolation(e)) {
                throw WharfException.exists(subject, message);
            }
            throw e;
        }
    }

    private static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
