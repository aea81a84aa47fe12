package io.wharf.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Liveness ({@code GET /health/live}): up while the server runs. A database outage is not a reason to restart a node
 * (it recovers by itself when the database returns), so liveness does not look at it.
 */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("server");
    }
}
