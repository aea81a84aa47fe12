package io.wharf.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Readiness ({@code GET /health/ready}, mpHealth): ready while the database answers within two seconds and the server
 * is not stopping, so that a load balancer sends nothing to a node that would answer 503 or is draining.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean database = databaseAnswers();
        return HealthCheckResponse.named("database").status(database && !Draining.started())
                .withData("database", database ? "UP" : "DOWN")
                .withData("draining", Draining.started())
                .build();
    }

    boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            LOG.fine("Readiness check: the database does not answer: " + e.getMessage());
            return false;
        }
    }
}
