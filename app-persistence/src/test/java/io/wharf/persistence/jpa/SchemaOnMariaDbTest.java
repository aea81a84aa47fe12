package io.wharf.persistence.jpa;

import io.wharf.persistence.migration.SchemaMigrator;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaOnMariaDbTest {

    @Test
    void migratingAnUpToDateDatabaseAppliesNothingAndRecordsEachVersionOnce() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            assertEquals(0, new SchemaMigrator(db.dataSource).migrate());
            try (Connection c = db.dataSource.getConnection();
                 ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*), MIN(version) FROM schema_version")) {
                assertTrue(rows.next());
                assertEquals(SchemaMigrator.SCRIPTS.size(), rows.getInt(1));
                assertEquals(1, rows.getInt(2));
            }
        }
    }
}
