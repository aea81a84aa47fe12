package io.wharf.web.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, returned in {@code X-Request-Id} on every response (the SDK reports it with errors)
 * and quoted in the log. A well-formed id sent by the client is kept, so a trace can span systems.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String sent = request.getHeader(HEADER);
        String id = sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString().replace("-", "");
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        if (isMissingFile(request)) {
            notFound(response);
            return;
        }
        LogContext.begin(id);
        CurrentHttp.begin(request, response);
        io.wharf.web.application.RequestOrigin.begin(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } catch (FileNotFoundException notFound) {
            notFound(response);
        } finally {
            CurrentHttp.end();
            io.wharf.web.application.RequestOrigin.end();
            LogContext.end();
        }
    }

    /**
     * A path only the file serving would answer, naming no file: answered 404 here, before Liberty's own filters (the
     * HTTP monitor's among them) see the file serving's exception and report it as an incident.
     */
    private static boolean isMissingFile(HttpServletRequest request) throws IOException {
        if (request.getHttpServletMapping().getMappingMatch() != jakarta.servlet.http.MappingMatch.DEFAULT) {
            return false;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() || path.endsWith("/") ? false : request.getServletContext().getResource(path) == null;
    }

    /**
     * Liberty's file serving throws for a path nothing answers; it is the 404 it is, not an incident. Every filter that
     * may stand between the file serving and this one answers it so (an IOException leaving a filter is an incident).
     */
    static void notFound(HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain");
            response.getWriter().write("Not found.");
        }
    }

    public static String idOf(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
