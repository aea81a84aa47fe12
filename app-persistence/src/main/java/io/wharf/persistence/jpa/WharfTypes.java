package io.wharf.persistence.jpa;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.service.ServiceRegistry;

/**
 * Wharf's own JDBC types, found by Hibernate through {@code META-INF/services} after the dialect's (so they win). On
 * MariaDB only: H2's dialect keeps instants its own way, and embedded databases already hold its wall times.
 */
public class WharfTypes implements TypeContributor {
    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry registry) {
        if (registry.requireService(JdbcEnvironment.class).getDialect() instanceof MySQLDialect) {
            contributions.contributeJdbcType(new UtcDateTimeJdbcType());
        }
    }
}
