package io.wharf.persistence.migration;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every migration applies on H2 with the options of the embedded default (liberty-config's db-h2.xml): `Run` starts on
 * H2 while the integration tests run on MariaDB.
 */
class SchemaOnH2Test {

    @Test
    void everyMigrationAppliesOnTheEmbeddedDefaultAndASecondRunAppliesNothing() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + System.nanoTime() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        assertEquals(SchemaMigrator.SCRIPTS.size(), new SchemaMigrator(h2).migrate());
        assertEquals(0, new SchemaMigrator(h2).migrate());
        try (Connection c = h2.getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM image_tag WHERE account_id = ''")) {
            assertTrue(rows.next(), "V10's column is there");
        }
    }

    private static JdbcDataSource fresh() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + System.nanoTime() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void aDryRunListsThePendingScriptsAndAppliesNone() throws Exception {
        JdbcDataSource h2 = fresh();
        assertEquals(SchemaMigrator.SCRIPTS, new SchemaMigrator(h2).pending(), "an empty database has everything pending");
        new SchemaMigrator(h2).migrateTo(13);
        assertEquals(List.of("V14__account_scan_settings.sql", "V15__feed_import_progress.sql"),
                new SchemaMigrator(h2).pending().stream().limit(2).toList());
        assertEquals(SchemaMigrator.SCRIPTS.size() - 13, new SchemaMigrator(h2).pending().size(), "still pending after the dry run");
    }

    @Test
    void aSchemaANewerWharfMigratedIsRefusedWithWhy() throws Exception {
        JdbcDataSource h2 = fresh();
        new SchemaMigrator(h2).migrate();
        try (Connection c = h2.getConnection()) {
            c.createStatement().execute("INSERT INTO schema_version (version, script, applied_at) VALUES ("
                    + (SchemaMigrator.LATEST + 1) + ", 'V" + (SchemaMigrator.LATEST + 1) + "__future.sql', CURRENT_TIMESTAMP)");
        }
        SchemaMigrator.SchemaTooNew refused = assertThrows(SchemaMigrator.SchemaTooNew.class, () -> new SchemaMigrator(h2).migrate());
        assertTrue(refused.getMessage().contains("version " + (SchemaMigrator.LATEST + 1) + ", newer than this Wharf knows"),
                refused.getMessage());
        assertThrows(SchemaMigrator.SchemaTooNew.class, () -> new SchemaMigrator(h2).pending());
    }

    @Test
    void theSchemaRecordsWhichReleaseAppliedEachMigration() throws Exception {
        JdbcDataSource h2 = fresh();
        new SchemaMigrator(h2).migrateTo(31);
        try (Connection c = h2.getConnection()) {
            // As a release before 0.28.0 left it: no applied_by column.
            c.createStatement().execute("ALTER TABLE schema_version DROP COLUMN applied_by");
        }
        new SchemaMigrator(h2).migrate();
        try (Connection c = h2.getConnection(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT applied_by FROM schema_version WHERE version IN (31, " + SchemaMigrator.LATEST + ") ORDER BY version")) {
            assertTrue(rows.next());
            assertEquals(null, rows.getString(1), "what an earlier release applied is not claimed");
            assertTrue(rows.next());
            assertEquals(io.wharf.domain.startup.Release.version(), rows.getString(1));
        }
        assertEquals("schema " + SchemaMigrator.LATEST + ", migrated by Wharf " + io.wharf.domain.startup.Release.version(),
                new SchemaMigrator(h2).describe());
    }
}
