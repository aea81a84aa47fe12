package io.wharf.persistence.migration;

import io.wharf.domain.startup.Release;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies the versioned scripts of {@code db/migration} that the database has not seen yet, each in its own
 * transaction where the database allows it, and records them in {@code schema_version}.
 */
public final class SchemaMigrator {
    /** Every migration, in order. A script is never edited once released: a change is a new script. */
    public static final List<String> SCRIPTS = List.of("V1__identity_and_namespaces.sql", "V2__repositories_and_tags.sql",
            "V3__access_domains.sql", "V4__access_grants.sql",
            "V5__access_keys.sql", "V6__registry_content.sql", "V7__sync_registries.sql",
            "V8__sync_tasks.sql", "V9__synced_image_associations.sql",
            "V10__image_tag_account.sql", "V11__login_attempts.sql", "V12__long_digests_and_manifest_fields.sql",
            "V13__image_scans.sql", "V14__account_scan_settings.sql", "V15__feed_import_progress.sql", "V16__retentions.sql", "V17__account_usage.sql",
            "V18__triggers.sql", "V19__account_quotas.sql", "V20__audit_trail.sql",
            "V21__replication.sql", "V22__garbage_collections.sql", "V23__console_language.sql", "V24__tag_pulls.sql",
            "V25__cluster_leases.sql", "V26__repository_image_counts.sql",
            "V27__share_repository_order.sql", "V28__advisory_staging.sql", "V29__pull_policies.sql", "V30__region_grants.sql",
            "V31__retention_runs.sql", "V32__password_changes.sql", "V33__maintenance_mode.sql");
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The schema version this Wharf brings a database to. */
    public static final int LATEST = versionOf(SCRIPTS.get(SCRIPTS.size() - 1));

    /** A database whose schema a newer Wharf migrated: this one must not run on it. */
    public static final class SchemaTooNew extends IllegalStateException {
        SchemaTooNew(int current) {
            super("The database's schema is at version " + current + ", newer than this Wharf knows (" + LATEST
                    + "): a newer Wharf upgraded it. Run that version (or newer), or restore the backup taken before the"
                    + " upgrade; an older Wharf does not start on a newer schema.");
        }
    }

    /** Brings the schema up to date; returns how many scripts were applied. */
    public int migrate() throws SQLException {
        return migrateTo(LATEST);
    }

    /** The schema's version and the release that applied its latest migration ("before 0.28.0" when unrecorded). */
    public String describe() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, applied_by FROM schema_version ORDER BY version DESC LIMIT 1")) {
            return rows.next() ? "schema " + rows.getInt(1) + ", migrated by Wharf "
                    + (rows.getString(2) == null ? "before 0.28.0" : rows.getString(2)) : "no schema";
        }
    }

    /** Applies the scripts up to {@code target} (tests build a database as an earlier release left it). */
    public int migrateTo(int target) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ensureVersionTable(connection);
            int current = currentVersion(connection);
            if (current > LATEST) {
                throw new SchemaTooNew(current);
            }
            int applied = 0;
            for (String script : SCRIPTS) {
                int version = versionOf(script);
                if (version > current && version <= target) {
                    apply(connection, script, version);
                    applied++;
                }
            }
            return applied;
        }
    }

    /**
     * The scripts a migration would apply, without applying any (the dry run); fails as {@link #migrate()} would on a
     * schema newer than this Wharf. Reads only: a database without a version table has every script pending.
     */
    public List<String> pending() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int current = hasVersionTable(connection) ? currentVersion(connection) : 0;
            if (current > LATEST) {
                throw new SchemaTooNew(current);
            }
            return SCRIPTS.stream().filter(s -> versionOf(s) > current).toList();
        }
    }

    private static boolean hasVersionTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("schema_version")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at DATETIME(6) NOT NULL)");
            // Which release applied each migration (added in 0.28.0; earlier rows have none).
            statement.execute("ALTER TABLE schema_version ADD COLUMN IF NOT EXISTS applied_by VARCHAR(64)");
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void apply(Connection connection, String script, int version) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "INSERT INTO schema_version (version, script, applied_at, applied_by) VALUES (?, ?, ?, ?)")) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
            record.setInt(1, version);
            record.setString(2, script);
            record.setTimestamp(3, Timestamp.from(Instant.now()));
            record.setString(4, Release.version());
            record.executeUpdate();
            connection.commit();
            LOG.info(() -> "Applied schema migration " + script + " (Wharf " + Release.version() + ")");
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Schema migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script on the semicolons that end a line, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
