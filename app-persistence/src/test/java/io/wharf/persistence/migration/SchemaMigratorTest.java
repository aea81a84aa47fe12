package io.wharf.persistence.migration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaMigratorTest {

    @Test
    void scriptsSplitOnLineEndingSemicolonsAndSkipComments() {
        String script = "-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y INT\n);\nINSERT INTO a VALUES (1)";
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y INT\n)", "INSERT INTO a VALUES (1)"),
                SchemaMigrator.statements(script));
    }

    @Test
    void versionsComeFromTheScriptNames() {
        assertEquals(1, SchemaMigrator.versionOf("V1__identity_and_namespaces.sql"));
        assertEquals(12, SchemaMigrator.versionOf("V12__later.sql"));
    }
}
