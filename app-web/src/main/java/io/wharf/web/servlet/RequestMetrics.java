package io.wharf.web.servlet;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.io.IOException;
import java.time.Duration;

/**
 * Requests by endpoint and status ({@code wharf_requests_total}) and their latency by endpoint
 * ({@code wharf_request_duration_seconds}, a histogram), on {@code GET /metrics}. The endpoint is what served the
 * request — an API resource method, a registry route, the console — never its raw path, so the series stay few.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestMetrics extends HttpFilter {
    private static final String ENDPOINT = RequestMetrics.class.getName() + ".endpoint";

    @Inject
    MetricRegistry metrics;

    /** Names the endpoint that serves this request (the API's resource method, the registry's route). */
    public static void endpoint(ServletRequest request, String name) {
        request.setAttribute(ENDPOINT, name);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String endpoint = endpointOf(request);
            metrics.counter("wharf.requests", new Tag("endpoint", endpoint),
                    new Tag("status", Integer.toString(response.getStatus()))).inc();
            metrics.timer("wharf.request.duration", new Tag("endpoint", endpoint))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String endpointOf(HttpServletRequest request) {
        Object named = request.getAttribute(ENDPOINT);
        if (named != null) {
            return named.toString();
        }
        String path = request.getRequestURI();
        return path.startsWith("/console") ? "console" : path.startsWith("/static") ? "static" : "other";
    }
}
