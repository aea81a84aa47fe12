package io.wharf.web.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The SWR documents write {@code filter=namespace::a|mode::visible} with a bare {@code |}, and clients send it so;
 * the JAX-RS runtime cannot build a URI with it (nor with a space, quote or brace), and answered 400 about the body.
 * Such characters are percent-encoded in the query string before the runtime sees it; the decoded parameters are
 * unchanged, so the one filter parser and the AK/SK signature (over decoded parameters) read the same values.
 */
@WebFilter(urlPatterns = {"/v2/manage/*", "/v3/*", "/v3.0/*", "/v5/*"}, asyncSupported = true)
public class QueryEncodingFilter extends HttpFilter {
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if (query == null || query.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0)) {
            chain.doFilter(request, response);
            return;
        }
        String encoded = encode(query);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getQueryString() {
                return encoded;
            }
        }, response);
    }

    static String encode(String query) {
        StringBuilder out = new StringBuilder(query.length() + 16);
        for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && ALLOWED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
