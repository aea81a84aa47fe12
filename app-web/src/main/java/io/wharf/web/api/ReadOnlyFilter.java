package io.wharf.web.api;

import io.wharf.web.application.MaintenanceService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * Read-only maintenance mode at the APIs' edge: a write (POST, PUT, PATCH, DELETE) answers 503 in each API's shape
 * with the administrators' reason, after the caller is known. What maintenance itself and pulls need goes on:
 * signing in and out, temporary docker logins, the switch, and backups.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ReadOnlyFilter implements ContainerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ALWAYS = Set.of("/v3/auth/tokens", "/v2/manage/utils/maintenance",
            "/v2/manage/utils/backups", "/v2/manage/utils/secret", "/v2/manage/utils/authorizationtoken");

    @Inject
    MaintenanceService maintenance;

    @Override
    public void filter(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        boolean dryRun = path.startsWith("/v2/manage/utils/garbage-collection")
                && "true".equals(request.getUriInfo().getQueryParameters().getFirst("dry_run"));
        if (!dryRun && !ALWAYS.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path)) {
            maintenance.requireWritable();
        }
    }
}
