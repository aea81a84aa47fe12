package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Instants kept as UTC wall times and read back as the same instants, whatever the JVM's own time zone. */
class UtcDateTimeJdbcTypeTest {
    private static final TimeZone JVM_ZONE = TimeZone.getDefault();
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        db = new MariaDbTestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TimeZone.setDefault(JVM_ZONE);
        db.close();
    }

    @Test
    void theUnitReadsUtcTimestampsWithWharfsType() {
        assertInstanceOf(UtcDateTimeJdbcType.class, db.emf.unwrap(SessionFactoryImplementor.class).getTypeConfiguration()
                .getJdbcTypeRegistry().getDescriptor(SqlTypes.TIMESTAMP_UTC));
    }

    @Test
    void anInstantIsStoredAsItsUtcWallTimeAndReadBackUnchanged() {
        Instant created = Instant.parse("2026-03-29T01:30:00.123456Z");
        Account account = new Account(Identifiers.newId(), new AccountName("zoned"), Identifiers.newId(), false, created);
        db.inTransaction(em -> new JpaAccounts(em).add(account));

        Object stored = db.inTransaction(em -> em.createNativeQuery("SELECT CAST(created_at AS CHAR) FROM account WHERE id = ?1")
                .setParameter(1, account.id()).getSingleResult());
        assertEquals(LocalDateTime.ofInstant(created, ZoneOffset.UTC).toString().replace('T', ' '), stored);
        assertEquals(created, db.inTransaction(em -> new JpaAccounts(em).byId(account.id())).orElseThrow().createdAt());
    }
}
