package io.wharf.persistence.migration;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;

import javax.sql.DataSource;
import java.sql.SQLException;

/** Migrates the schema when the application starts, before anything else that observes start-up. */
@ApplicationScoped
public class SchemaMigration {
    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) throws SQLException {
        new SchemaMigrator(dataSource).migrate();
    }
}
