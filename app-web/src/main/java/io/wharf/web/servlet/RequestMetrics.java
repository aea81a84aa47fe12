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
 * Requests by endpoint and status ({@code wharf_requests_total}), their latency by endpoint
 * ({@code wharf_request_duration_seconds}, a histogram) and the registry's bytes pushed and pulled
 * ({@code wharf_registry_bytes_pushed_total}, {@code _pulled_total}), on {@code GET /metrics}. The endpoint is what served the
 * request — an API resource method, a registry route, the console — never its raw path, so the series stay few.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestMetrics extends HttpFilter {
    private static final String ENDPOINT = RequestMetrics.class.getName() + ".endpoint";

    @Inject
    MetricRegistry metrics;

    /**
     * The access log ({@code WHARF_ACCESS_LOG=on}): one line a request in the server's log, from the logger
     * {@code io.wharf.access} — request id, account/user (or -), method and path template, status, response bytes
     * (or -), duration. Never a query string, header or body (they may hold secrets).
     */
    private static final java.util.logging.Logger ACCESS = java.util.logging.Logger.getLogger("io.wharf.access");
    private static final boolean ACCESS_LOG = "on".equalsIgnoreCase(
            io.wharf.web.application.WharfSettings.value("WHARF_ACCESS_LOG").orElse("off"));

    private static final String TEMPLATE = RequestMetrics.class.getName() + ".template";
    // The HELP texts Prometheus shows.
    private static final org.eclipse.microprofile.metrics.Metadata REQUESTS = described("wharf.requests",
            "Requests answered, by endpoint and status");
    private static final org.eclipse.microprofile.metrics.Metadata DURATION = described("wharf.request.duration",
            "Time to answer a request, by endpoint");
    private static final org.eclipse.microprofile.metrics.Metadata PUSHED = described("wharf.registry.bytes.pushed",
            "Bytes of image content pushed to the registry");
    private static final org.eclipse.microprofile.metrics.Metadata PULLED = described("wharf.registry.bytes.pulled",
            "Bytes of image content pulled from the registry");

    public static org.eclipse.microprofile.metrics.Metadata described(String name, String help) {
        return org.eclipse.microprofile.metrics.Metadata.builder().withName(name).withDescription(help).build();
    }

    /** The API request's method and path template ({@code POST /v3/auth/tokens}), for the access log. */
    public static void template(ServletRequest request, String template) {
        request.setAttribute(TEMPLATE, template);
    }

    /** Names the endpoint that serves this request (the API's resource method, the registry's route). */
    public static void endpoint(ServletRequest request, String name) {
        request.setAttribute(ENDPOINT, name);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        Counted counted = isPush(request) ? new Counted(request) : null;
        try {
            chain.doFilter(counted == null ? request : counted, response);
        } finally {
            String endpoint = endpointOf(request);
            metrics.counter(REQUESTS, new Tag("endpoint", endpoint),
                    new Tag("status", Integer.toString(response.getStatus()))).inc();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.timer(DURATION, new Tag("endpoint", endpoint)).update(took);
            if (ACCESS_LOG) {
                io.wharf.domain.account.Caller caller = AuditFilter.callerOf(request);
                String bytes = response.getHeader("Content-Length");
                ACCESS.info(RequestIdFilter.idOf(request) + " " + (caller == null ? "-" : caller.accountName() + "/"
                        + caller.userName()) + " \"" + (request.getAttribute(TEMPLATE) != null ? request.getAttribute(TEMPLATE)
                        : endpoint.startsWith(request.getMethod() + " ") ? endpoint : request.getMethod() + " " + endpoint)
                        + "\" " + response.getStatus() + " "
                        + (bytes == null ? "-" : bytes) + " " + took.toMillis() + "ms");
            }
            if (counted != null && counted.bytes > 0) {
                metrics.counter(PUSHED).inc(counted.bytes);
            }
            String length = response.getHeader("Content-Length");
            if (endpoint.startsWith("GET /v2/{name}/blobs/") && (response.getStatus() == 200 || response.getStatus() == 206)
                    && length != null) {
                metrics.counter(PULLED).inc(Long.parseLong(length));
            }
        }
    }

    /** A registry request that carries content (a chunk, a monolithic upload, a manifest). */
    private static boolean isPush(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/v2/") && !uri.startsWith("/v2/manage/") && !request.getMethod().equals("GET")
                && !request.getMethod().equals("HEAD") && !request.getMethod().equals("DELETE");
    }

    /** The request with its body's bytes counted as the registry reads them. */
    private static final class Counted extends jakarta.servlet.http.HttpServletRequestWrapper {
        long bytes;
        private jakarta.servlet.ServletInputStream counting;

        Counted(HttpServletRequest request) {
            super(request);
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            if (counting == null) {
                jakarta.servlet.ServletInputStream in = super.getInputStream();
                counting = new jakarta.servlet.ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            bytes++;
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            bytes += n;
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counting;
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
