package io.wharf.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet request and response the current thread serves, set by {@link RequestIdFilter} around every request.
 * JAX-RS providers read them here rather than through {@code @Context} servlet proxies: those are bound to whichever
 * JAX-RS application initialised a shared provider first, and on another application's requests they fail inside
 * the error path itself (a 500 HTML page instead of the protocol's error).
 */
public final class CurrentHttp {
    private record Exchange(HttpServletRequest request, HttpServletResponse response) {
    }

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private CurrentHttp() {
    }

    static void begin(HttpServletRequest request, HttpServletResponse response) {
        CURRENT.set(new Exchange(request, response));
    }

    static void end() {
        CURRENT.remove();
    }

    /** The request being served; fails loudly outside one (a programming error, not a client's). */
    public static HttpServletRequest request() {
        return exchange().request();
    }

    public static HttpServletResponse response() {
        return exchange().response();
    }

    private static Exchange exchange() {
        Exchange exchange = CURRENT.get();
        if (exchange == null) {
            throw new IllegalStateException("No HTTP request is being served on this thread.");
        }
        return exchange;
    }
}
