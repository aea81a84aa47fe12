package io.wharf.persistence.migration;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
