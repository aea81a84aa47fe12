package io.wharf.persistence.migration;

import io.wharf.persistence.backup.JdbcBackup;
import io.wharf.persistence.startup.DatabaseWait;
import io.wharf.domain.startup.Release;
import io.wharf.domain.startup.ServerExit;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Migrates the schema when the application starts, before anything else that observes start-up. An older Wharf on a
 * schema a newer one migrated refuses to start, saying so. {@code WHARF_MIGRATE=dry-run} prints the pending migrations
 * and applies none; Wharf's own server then exits 0 (it never serves on a schema it does not know). {@code WHARF_RESTORE_FROM}
 * (a backup's directory) loads the backup's database into an empty database first.
 */
@ApplicationScoped
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        DatabaseWait.configured().await(dataSource);
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        String mode = setting("WHARF_MIGRATE");
        if (mode != null && !mode.isBlank() && !"dry-run".equals(mode)) {
            throw ServerExit.startFailed("WHARF_MIGRATE must be dry-run or unset, not \"" + mode + "\".");
        }
        try {
            String restore = setting("WHARF_RESTORE_FROM");
            if (restore != null && !restore.isBlank()) {
                restore(Path.of(restore));
            }
            if ("dry-run".equals(mode)) {
                List<String> pending = migrator.pending();
                throw ServerExit.finished("WHARF_MIGRATE=dry-run: " + (pending.isEmpty()
                        ? "the schema is up to date (version " + SchemaMigrator.LATEST + "); nothing to apply."
                        : pending.size() + " migration(s) pending, none applied: " + String.join(", ", pending) + ".")
                        + " Wharf stops after a dry run; unset WHARF_MIGRATE to migrate and start.");
            }
            migrator.migrate();
            LOG.info("Wharf " + Release.version() + " runs on " + migrator.describe() + ".");
        } catch (SchemaMigrator.SchemaTooNew refused) {
            throw ServerExit.startFailed(refused.getMessage());
        } catch (SQLException e) {
            throw ServerExit.startFailed("the schema cannot be migrated: " + e.getMessage());
        }
    }

    /** Loads a backup's database into an empty database; never into one that holds Wharf's data. */
    private void restore(Path backup) throws SQLException {
        JdbcBackup database = new JdbcBackup(dataSource);
        if (!database.isEmpty()) {
            LOG.warning("WHARF_RESTORE_FROM is set, but the database already holds Wharf's data: nothing was restored into"
                    + " it (a restore never overwrites). Unset WHARF_RESTORE_FROM.");
            return;
        }
        try {
            database.restore(backup.resolve("database"));
        } catch (IOException e) {
            throw ServerExit.startFailed("the backup in " + backup + " cannot be restored: " + e.getMessage());
        }
    }

    private static String setting(String name) {
        return io.wharf.domain.config.Configuration.value(name).orElse(null);
    }
}
