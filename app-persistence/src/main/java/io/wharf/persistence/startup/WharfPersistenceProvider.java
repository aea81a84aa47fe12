package io.wharf.persistence.startup;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.hibernate.jpa.HibernatePersistenceProvider;

import io.wharf.domain.startup.Release;
import io.wharf.domain.startup.ServerExit;
import io.wharf.persistence.migration.SchemaMigrator;

import javax.sql.DataSource;
import java.util.logging.Logger;
import java.util.Map;

/**
 * Hibernate, started only once the database answers. Liberty builds the entity manager factory before any of Wharf's
 * code runs, and Hibernate reads the database's metadata then: a database not up yet failed the start for good
 * ("Unable to determine Dialect"). Waiting here, the first thing Wharf does at start, covers every later step.
 */
public class WharfPersistenceProvider extends HibernatePersistenceProvider {
    private static final Logger LOG = Logger.getLogger(WharfPersistenceProvider.class.getName());

    @Override
    @SuppressWarnings("rawtypes")
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
        // Wharf's first line in the log: which release starts, and the schema it brings the database to.
        LOG.info("Wharf " + Release.version() + " is starting (schema version " + SchemaMigrator.LATEST + ", Java "
                + Runtime.version() + ").");
        // Every setting checked before anything uses one: a misspelt name or a bad value ends the start, named.
        java.util.List<String> problems;
        try {
            problems = io.wharf.domain.config.Configuration.problems();
        } catch (java.io.UncheckedIOException unreadable) {
            problems = java.util.List.of(unreadable.getMessage());
        }
        if (!problems.isEmpty()) {
            throw ServerExit.startFailed(String.join(" ", problems));
        }
        DataSource dataSource = info.getJtaDataSource();
        if (dataSource != null) {
            DatabaseWait.configured().await(dataSource);
        }
        return super.createContainerEntityManagerFactory(info, properties);
    }
}
