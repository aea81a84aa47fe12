package io.wharf.web.servlet;

import io.wharf.web.application.WharfSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * When clients use HTTPS: a plain-HTTP request is redirected (308, which keeps the method and body) to the same path on
 * the external HTTPS address — never the {@code Host} header's — except the health checks, which load balancers call
 * over HTTP; and every answer carries {@code Strict-Transport-Security} ({@link SecureCookies} marks the cookies).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TransportSecurityFilter extends HttpFilter {
    private static final String HSTS = "max-age=31536000";

    @Inject
    WharfSettings settings;
    private boolean https;
    private boolean redirect;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        https = settings.clientsUseHttps();
        redirect = settings.tls() != WharfSettings.Tls.OFF;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (redirect && !request.isSecure() && !request.getRequestURI().startsWith("/health/")) {
            String query = request.getQueryString();
            response.setStatus(308);
            response.setHeader("Location", settings.externalUrl() + request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        if (https) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        try {
            chain.doFilter(request, response);
        } catch (java.io.FileNotFoundException notFound) {
            RequestIdFilter.notFound(response);
        }
    }
}
