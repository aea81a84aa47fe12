package io.wharf.web.health;

import io.wharf.web.application.WharfSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A node stopping (SIGTERM, {@code server stop}) drains: from then on readiness is down and a new request is answered
 * 503 with Retry-After (a load balancer sends it elsewhere), while the requests in flight — a layer still arriving —
 * finish; the application stops when the last has, or after {@code WHARF_DRAIN_SECONDS} (30).
 */
@WebListener
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class Draining extends HttpFilter implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(Draining.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    public static boolean started() {
        return STARTED.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (STARTED.get()) {
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            response.setContentType("text/plain");
            response.getWriter().write("This Wharf node is stopping; another node serves the request.");
            return;
        }
        IN_FLIGHT.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        STARTED.set(false);
        TermSignal.onTerm(Draining::drain);
    }

    /** Stopped by Liberty (server stop, or its own shutdown hook): whatever is still in flight gets its grace too. */
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        drain();
    }

    /**
     * Readiness down and new requests refused at once; then waits for the requests in flight, at most
     * {@code WHARF_DRAIN_SECONDS}. On SIGTERM this runs before Liberty begins to stop, which would close their
     * connections.
     */
    static void drain() {
        STARTED.set(true);
        Duration grace = Duration.ofSeconds(Long.parseLong(WharfSettings.value("WHARF_DRAIN_SECONDS").orElse("30")));
        Instant deadline = Instant.now().plus(grace);
        int waiting = IN_FLIGHT.get();
        if (waiting > 0) {
            LOG.info(() -> "Stopping: waiting up to " + grace.toSeconds() + " s for " + waiting + " requests in flight");
        }
        while (IN_FLIGHT.get() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (IN_FLIGHT.get() > 0) {
            LOG.warning(() -> IN_FLIGHT.get() + " requests were still in flight when the drain period ended");
        }
    }
}
