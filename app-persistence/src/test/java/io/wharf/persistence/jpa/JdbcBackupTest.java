package io.wharf.persistence.jpa;

import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.account.Identifiers;
import io.wharf.domain.backup.DatabaseBackup;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.FeedImport;
import io.wharf.persistence.backup.JdbcBackup;
import io.wharf.persistence.migration.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup's database part written from MariaDB and restored into an empty MariaDB and an empty H2: every row back. */
class JdbcBackupTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456Z");

    @TempDir
    Path dir;

    private static String dump(javax.sql.DataSource source, String query) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = source.getConnection(); ResultSet rows = c.createStatement().executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    out.append(value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void everyRowComesBackInAnEmptyMariaDbAndAnEmptyH2() throws Exception {
        try (MariaDbTestDatabase source = new MariaDbTestDatabase(); MariaDbTestDatabase target = new MariaDbTestDatabase(false)) {
            Account a = new Account(Identifiers.newId(), new AccountName("backedup"), Identifiers.newId(), false,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            source.inTransaction(em -> new JpaAccounts(em).add(a));
            Namespace ns = source.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("kept"), a.id(), "u1", "carol"));
            ImageRepository repo = source.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName("app"),
                    new RepositoryDetails(Category.OTHER, "ünïcode \"quoted\"\nline", true), "u1", "carol"));
            source.inTransaction(em -> new JpaAdvisories(em).store(new JpaAdvisories(em).begin("osv:x", T0).id(),
                    List.of(new Advisories.Imported(new Advisory("DSA-1", List.of(), "s", "d", List.of(), List.of(), T0,
                            List.of(new AffectedPackage("Debian:12", "openssl", List.of(), List.of()))), "{\"id\":\"DSA-1\"}")), T0));

            DatabaseBackup.Snapshot snapshot = new JdbcBackup(source.dataSource).export(dir);
            assertEquals(SchemaMigrator.LATEST, snapshot.schemaVersion());
            assertEquals(1L, snapshot.rows().get("account"));
            assertEquals(1L, snapshot.rows().get("image_repository"));
            assertFalse(snapshot.rows().containsKey("schema_version"), "the schema is rebuilt, not copied");

            JdbcBackup restoring = new JdbcBackup(target.dataSource);
            assertTrue(restoring.isEmpty());
            Map<String, Long> loaded = restoring.restore(dir);
            assertEquals(snapshot.rows(), loaded);
            assertFalse(restoring.isEmpty());
            for (String query : List.of("SELECT * FROM account", "SELECT * FROM image_repository", "SELECT * FROM feed_import",
                    "SELECT * FROM advisory", "SELECT * FROM swr_namespace")) {
                assertEquals(dump(source.dataSource, query), dump(target.dataSource, query), query);
            }
            FeedImport restored = target.inTransaction(em -> new JpaAdvisories(em).imports(0, 1)).get(0);
            assertEquals(T0, restored.startedAt(), "times come back to the microsecond");

            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:restore-" + System.nanoTime() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            assertEquals(snapshot.rows(), new JdbcBackup(h2).restore(dir));
            assertEquals(dump(source.dataSource, "SELECT name, description, is_public FROM image_repository"),
                    dump(h2, "SELECT name, description, is_public FROM image_repository"));
            try (Connection c = h2.getConnection()) {
                c.createStatement().execute("INSERT INTO feed_import (source, status, advisory_count, message, started_at, phase)"
                        + " VALUES ('next', 'running', 0, '', CURRENT_TIMESTAMP, 'waiting')");
            }
            assertEquals(2, Integer.parseInt(dump(h2, "SELECT COUNT(*) FROM feed_import").split("\\|")[0]),
                    "new rows get new ids after a restore");
        }
    }

    /** Issue 28: a restored Wharf honours no token issued before the backup (revoked ones would come back). */
    @Test
    void tokensAreNeitherKeptNorRestoredEvenFromAnOlderBackup() throws Exception {
        try (MariaDbTestDatabase source = new MariaDbTestDatabase(); MariaDbTestDatabase target = new MariaDbTestDatabase(false)) {
            Account a = new Account(Identifiers.newId(), new AccountName("tokened"), Identifiers.newId(), false, T0);
            source.inTransaction(em -> new JpaAccounts(em).add(a));
            io.wharf.domain.account.User user = source.inTransaction(em -> new JpaUsers(em).add(new io.wharf.domain.account.User(
                    Identifiers.newId(), a.id(), new io.wharf.domain.account.UserName("holder"), "pbkdf2$x", true, T0)));
            source.inTransaction(em -> {
                new JpaAuthTokens(em).add(new io.wharf.domain.token.AuthToken("a".repeat(64), user.id(), T0,
                        T0.plusSeconds(86_400 * 365)));
                return null;
            });
            DatabaseBackup.Snapshot snapshot = new JdbcBackup(source.dataSource).export(dir);
            assertFalse(snapshot.rows().containsKey("auth_token"));
            assertFalse(java.nio.file.Files.exists(dir.resolve("auth_token.jsonl")));
            // A backup of an earlier release, which kept them.
            java.nio.file.Files.writeString(dir.resolve("auth_token.jsonl"), "{\"digest\":\"" + "a".repeat(64)
                    + "\",\"user_id\":\"" + user.id() + "\",\"issued_at\":\"2026-01-01 00:00:00.000000\","
                    + "\"expires_at\":\"2027-12-01 00:00:00.000000\"}\n");
            new JdbcBackup(target.dataSource).restore(dir);
            assertEquals("0|\n", dump(target.dataSource, "SELECT COUNT(*) FROM auth_token"));
            assertEquals("1|\n", dump(target.dataSource, "SELECT COUNT(*) FROM account_user"));
        }
    }
}
