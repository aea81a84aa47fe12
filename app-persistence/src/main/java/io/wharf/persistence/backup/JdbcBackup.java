package io.wharf.persistence.backup;

import io.wharf.domain.backup.DatabaseBackup;
import io.wharf.persistence.migration.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The database part of a backup: every table (but {@code schema_version}) as {@code <table>.jsonl}, one JSON object a
 * row, and {@code schema-version.txt}, all read in one repeatable-read transaction — one snapshot, taken while Wharf
 * serves, without locks. Values keep the database's own text for times (no time zone can shift them), numbers and
 * booleans as JSON's, so a backup of the embedded H2 database restores into MariaDB and back. A restore goes into an
 * empty database only: the schema is built to the backup's version, the rows loaded, then the schema migrated on.
 */
@ApplicationScoped
public class JdbcBackup implements DatabaseBackup {
    private static final Logger LOG = Logger.getLogger(JdbcBackup.class.getName());
    static final String VERSION_FILE = "schema-version.txt";

    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    protected JdbcBackup() {
    }

    /**
     * What a backup neither keeps nor restores: issued tokens and temporary logins (a restored Wharf would honour
     * tokens revoked since, for their remaining lifetime; everyone signs in again instead; backups taken before
     * 0.28.0 hold them, and they are skipped at restore), and the maintenance switch (a backup taken in read-only
     * mode restores into a Wharf that serves writes).
     */
    static final java.util.Set<String> NOT_KEPT = java.util.Set.of("auth_token", "maintenance_mode");

    public JdbcBackup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Snapshot export(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                int version = schemaVersion(connection);
                for (String table : tables(connection)) {
                    if (!NOT_KEPT.contains(table)) {
                        rows.put(table, exportTable(connection, table, directory.resolve(table + ".jsonl")));
                    }
                }
                Files.writeString(directory.resolve(VERSION_FILE), version + "\n");
                return new Snapshot(version, rows);
            } finally {
                // The snapshot only read: ending it changes nothing; the pooled connection goes back as it came.
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new IOException("The database could not be read for the backup: " + e.getMessage(), e);
        }
    }

    private static long exportTable(Connection connection, String table, Path file) throws SQLException, IOException {
        long count = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table);
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                JsonObjectBuilder row = Json.createObjectBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    String name = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    String text = rows.getString(i);
                    if (text == null) {
                        row.addNull(name);
                    } else if (isBoolean(columns.getColumnType(i), columns.getPrecision(i))) {
                        row.add(name, rows.getBoolean(i));
                    } else if (isNumber(columns.getColumnType(i))) {
                        row.add(name, new java.math.BigDecimal(text));
                    } else {
                        row.add(name, text);
                    }
                }
                out.write(row.build().toString());
                out.write('\n');
                count++;
            }
        }
        return count;
    }

    private static boolean isBoolean(int type, int precision) {
        return type == Types.BOOLEAN || (type == Types.BIT && precision <= 1);
    }

    private static boolean isNumber(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.DOUBLE,
                 Types.FLOAT, Types.REAL -> true;
            default -> false;
        };
    }

    /** Whether the database holds no Wharf data yet (nothing migrated, or migrated without any account). */
    public boolean isEmpty() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!tables(connection).contains("account")) {
                return true;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM account")) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        }
    }

    /**
     * Loads a backup's database part into this empty database: builds the schema to the backup's version, inserts
     * every row, then migrates to this Wharf's version. Returns the rows loaded per table.
     */
    public Map<String, Long> restore(Path directory) throws IOException, SQLException {
        int version = Integer.parseInt(Files.readString(directory.resolve(VERSION_FILE)).strip());
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrateTo(version);
        Map<String, Long> loaded = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Rows go in table by table, not in the order their references need.
                statement.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : tables(connection)) {
                        Path file = directory.resolve(table + ".jsonl");
                        if (Files.exists(file) && !NOT_KEPT.contains(table)) {
                            loaded.put(table, importTable(connection, table, file));
                            if (h2) {
                                restartIdentity(connection, table);
                            }
                        }
                    }
                    connection.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    // Back to autocommit first: the reset must not open a transaction nobody ends.
                    connection.setAutoCommit(true);
                    statement.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET FOREIGN_KEY_CHECKS = 1");
                }
            }
        }
        int applied = migrator.migrate();
        LOG.info(() -> "Restored " + loaded.values().stream().mapToLong(Long::longValue).sum() + " rows of schema version "
                + version + " from " + directory + "; " + applied + " migration(s) applied since");
        return loaded;
    }

    private static long importTable(Connection connection, String table, Path file) throws SQLException, IOException {
        Map<String, Integer> columnTypes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData columns = none.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                columnTypes.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), columns.getColumnType(i));
            }
        }
        long count = 0;
        PreparedStatement insert = null;
        List<String> order = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject row = Json.createReader(new StringReader(line)).readObject();
                if (insert == null) {
                    // Columns the backup has and this schema knows (a later migration may have added others, with defaults).
                    order = new ArrayList<>(row.keySet().stream().filter(columnTypes::containsKey).toList());
                    insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", order)
                            + ") VALUES (" + String.join(", ", order.stream().map(c -> "?").toList()) + ")");
                }
                for (int i = 0; i < order.size(); i++) {
                    bind(insert, i + 1, row.get(order.get(i)));
                }
                insert.addBatch();
                if (++count % 500 == 0) {
                    insert.executeBatch();
                }
            }
            if (insert != null) {
                insert.executeBatch();
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
        return count;
    }

    private static void bind(PreparedStatement insert, int index, JsonValue value) throws SQLException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            insert.setObject(index, null);
        } else if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            insert.setBoolean(index, value.getValueType() == JsonValue.ValueType.TRUE);
        } else if (value instanceof JsonNumber number) {
            insert.setBigDecimal(index, number.bigDecimalValue());
        } else {
            insert.setString(index, ((JsonString) value).getString());
        }
    }

    /** H2 does not move an identity column past ids inserted explicitly; MariaDB's AUTO_INCREMENT does by itself. */
    private static void restartIdentity(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = columns.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.isAutoIncrement(i)) {
                    String column = meta.getColumnLabel(i);
                    try (Statement max = connection.createStatement();
                         ResultSet top = max.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                        top.next();
                        max.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + top.getLong(1));
                    }
                }
            }
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Wharf's tables (the schema's own bookkeeping left out), by name. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? connection.getSchema() : null;
        try (ResultSet found = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals("schema_version")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }
}
