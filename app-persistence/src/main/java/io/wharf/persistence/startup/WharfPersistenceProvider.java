package io.wharf.persistence.startup;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.hibernate.jpa.HibernatePersistenceProvider;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Hibernate, started only once the database answers. Liberty builds the entity manager factory before any of Wharf's
 * code runs, and Hibernate reads the database's metadata then: a database not up yet failed the start for good
 * ("Unable to determine Dialect"). Waiting here, the first thing Wharf does at start, covers every later step.
 */
public class WharfPersistenceProvider extends HibernatePersistenceProvider {

    @Override
    @SuppressWarnings("rawtypes")
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
        DataSource dataSource = info.getJtaDataSource();
        if (dataSource != null) {
            DatabaseWait.configured().await(dataSource);
        }
        return super.createContainerEntityManagerFactory(info, properties);
    }
}
