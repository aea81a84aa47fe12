package io.wharf.web.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.wharf.web.api.ErrorBody;
import io.wharf.web.api.SwrError;
import io.wharf.web.registry.RegistryError;
import io.wharf.web.registry.RegistryServlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Refuses request paths with an encoded dot, slash or backslash ({@code %2e}, {@code %2f}, {@code %5c}, {@code %23}),
 * the check Liberty makes itself — which Wharf turns off ({@code SKIP_ENCODED_CHAR_VERIFICATION} in web.xml) because
 * Liberty answers it with an HTML page and a stack trace in the log. Here the answer is a 400 in the shape of the API
 * the path belongs to, and nothing is logged: a malformed path is the client's mistake, not a fault. It runs first.
 */
public class EncodedPathFilter extends HttpFilter {
    private static final List<String> REFUSED = List.of("%2e", "%2f", "%5c", "%23");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        String lower = path.toLowerCase(Locale.ROOT);
        if (REFUSED.stream().anyMatch(lower::contains)) {
            refuse(response, path,
                    "The request path has an encoded '.', '/', '\\' or '#', which no Wharf path contains.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The refusal in the shape of the API {@code path} belongs to: the registry's, the JSON APIs', or plain text. */
    private static void refuse(HttpServletResponse response, String path, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith("/v2/") && !path.startsWith("/v2/manage/") && !path.equals("/v2/token")) {
            RegistryServlet.writeError(response, RegistryError.NAME_INVALID, message);
            return;
        }
        boolean json = path.startsWith("/v2/") || path.startsWith("/v3") || path.startsWith("/v5/");
        response.setContentType(json ? "application/json" : "text/plain");
        byte[] bytes = (json ? ErrorBody.of(SwrError.INVALID_PARAMETER.code(), message).toJson() : message)
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
