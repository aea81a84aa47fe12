package io.wharf.web.api;

import io.wharf.web.servlet.RequestMetrics;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Names the API endpoint a request reached ({@code ReposResource.list}) for the request metrics, before anything can refuse it. */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class EndpointNaming implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null) {
            RequestMetrics.endpoint(servletRequest, resource.getResourceClass().getSimpleName() + "."
                    + resource.getResourceMethod().getName());
            // The path template, for the access log: the application's root, the resource's and the method's paths.
            jakarta.ws.rs.Path type = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
            jakarta.ws.rs.Path method = resource.getResourceMethod().getAnnotation(jakarta.ws.rs.Path.class);
            RequestMetrics.template(servletRequest, request.getMethod() + " " + servletRequest.getServletPath()
                    + (type == null ? "" : "/" + strip(type.value())) + (method == null ? "" : "/" + strip(method.value())));
        }
    }

    private static String strip(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
