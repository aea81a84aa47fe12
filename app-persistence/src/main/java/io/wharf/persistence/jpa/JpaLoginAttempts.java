package io.wharf.persistence.jpa;

import io.wharf.domain.account.LoginAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Login failures as rows locked for the rest of the transaction. One upsert both makes sure the row exists and takes
 * its exclusive lock: two first attempts cannot both insert, and no duplicate-key error spoils the transaction
 * ({@code INSERT IGNORE} would take a shared lock on a duplicate, and two of those then deadlock on the update).
 */
@ApplicationScoped
public class JpaLoginAttempts implements LoginAttempts {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaLoginAttempts() {
    }

    public JpaLoginAttempts(EntityManager em) {
        this.em = em;
    }

    @Override
    public Failures lock(String login) {
        String key = hash(login);
        em.createNativeQuery("INSERT INTO login_attempt (login_hash, failures, blocked_until) VALUES (?1, 0, ?2)"
                        + " ON DUPLICATE KEY UPDATE failures = failures")
                .setParameter(1, key).setParameter(2, 0L).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT failures, blocked_until FROM login_attempt WHERE login_hash = ?1")
                .setParameter(1, key).getResultList();
        Object[] row = rows.get(0);
        return new Failures(((Number) row[0]).intValue(), Instant.ofEpochMilli(((Number) row[1]).longValue()));
    }

    @Override
    public void save(String login, Failures failures) {
        em.createNativeQuery("UPDATE login_attempt SET failures = ?1, blocked_until = ?2 WHERE login_hash = ?3")
                .setParameter(1, failures.count()).setParameter(2, failures.blockedUntil().toEpochMilli())
                .setParameter(3, hash(login)).executeUpdate();
    }

    @Override
    public void clear(String login) {
        em.createNativeQuery("DELETE FROM login_attempt WHERE login_hash = ?1").setParameter(1, hash(login)).executeUpdate();
    }

    private static String hash(String login) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(login.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
