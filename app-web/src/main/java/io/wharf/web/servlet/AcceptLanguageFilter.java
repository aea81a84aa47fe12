package io.wharf.web.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code Accept-Language} once, with Java's parser, for everything after it: Liberty's own parser throws on a
 * malformed header (an FFDC incident each time) and RESTEasy then answers Liberty's HTML 400 on every API root. A
 * header that does not parse is treated as absent — the browser's mistake is no reason to refuse a request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AcceptLanguageFilter extends HttpFilter {
    private static final String HEADER = "Accept-Language";
    /** More ranges than any browser sends: the rest are ignored rather than parsed. */
    private static final int MAX_LENGTH = 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader(HEADER);
        List<Locale> locales = parse(header);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Locale getLocale() {
                return locales.isEmpty() ? Locale.getDefault() : locales.get(0);
            }

            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(locales.isEmpty() ? List.of(Locale.getDefault()) : locales);
            }

            @Override
            public String getHeader(String name) {
                return HEADER.equalsIgnoreCase(name) && locales.isEmpty() ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HEADER.equalsIgnoreCase(name) && locales.isEmpty()
                        ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                if (!locales.isEmpty() || header == null) {
                    return super.getHeaderNames();
                }
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(n -> !HEADER.equalsIgnoreCase(n)).toList());
            }
        }, response);
    }

    /** The locales the header asks for, best first; empty when it is absent or malformed. */
    static List<Locale> parse(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream().filter(r -> r.getWeight() > 0 && !r.getRange().contains("*"))
                    .map(r -> Locale.forLanguageTag(r.getRange())).toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
