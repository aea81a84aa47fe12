package io.wharf.web.servlet;

import io.wharf.domain.account.Caller;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.web.application.AuditService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records each {@link AuditedCall} once, when its response is decided, with who made it: the authentication of each
 * edge (API, registry, console) {@link #identify identifies} the caller on the request. A call refused before anyone
 * was identified is recorded without an account, so it is in no account's trail.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AuditFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
    private static final String WHO = AuditFilter.class.getName() + ".who";

    @Inject
    AuditService audit;

    private record Who(Caller caller, String accessKey) {
    }

    /** Says who makes the request ({@code accessKey}: the AK it was signed with, or null). */
    /** Who the request was identified as, or null (anonymous, refused before anyone was known). */
    static Caller callerOf(ServletRequest request) {
        return request.getAttribute(WHO) instanceof Who who ? who.caller() : null;
    }

    public static void identify(ServletRequest request, Caller caller, String accessKey) {
        if (caller != null) {
            request.setAttribute(WHO, new Who(caller, accessKey));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!audit.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        int status = 500;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpServletRequest seen = CreatedName.wrapIfCreate(request, path);
        try {
            chain.doFilter(seen, response);
            status = response.getStatus();
        } finally {
            try {
                Optional<AuditedCall> call = AuditedCall.of(request.getMethod(), path,
                        path.startsWith("/console/") ? request.getParameter("action") : null);
                if (call.isPresent()) {
                    record(request, CreatedName.complete(call.get(), seen), path, status);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record the audit trace of request " + RequestIdFilter.idOf(request), e);
            }
        }
    }

    private void record(HttpServletRequest request, AuditedCall call, String path, int status) {
        Who who = (Who) request.getAttribute(WHO);
        Caller c = who == null ? null : who.caller();
        audit.record(new AuditTrace(0, UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                call.serviceType(), call.traceName(), AuditTrace.ratingOf(status), call.resourceType(),
                call.resourceName(), c == null ? "" : c.accountId(), c == null ? "" : c.accountName(),
                c == null ? "" : c.userId(), c == null ? "" : c.userName(),
                who == null || who.accessKey() == null ? "" : who.accessKey(), request.getMethod(), path, status,
                request.getRemoteAddr(), RequestIdFilter.idOf(request)));
    }
}
