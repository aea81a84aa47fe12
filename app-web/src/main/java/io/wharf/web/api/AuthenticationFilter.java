package io.wharf.web.api;

import io.wharf.web.application.IdentityService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Every endpoint not marked {@link Public} requires a valid {@code X-Auth-Token}; missing, unknown or expired is 401. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    public static final String TOKEN_HEADER = "X-Auth-Token";

    @Context
    ResourceInfo resource;
    @Inject
    IdentityService identity;
    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Public.class)) {
            return;
        }
        caller.set(identity.authenticate(request.getHeaderString(TOKEN_HEADER)));
    }
}
