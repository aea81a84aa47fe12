package io.wharf.web.console;

import io.wharf.domain.token.TokenSecret;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The per-session secret every console form carries in {@code _csrf}; a POST without it is refused. */
final class CsrfToken {
    static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "wharf.csrf";

    private CsrfToken() {
    }

    static String of(HttpSession session) {
        Object token = session.getAttribute(ATTRIBUTE);
        if (token == null) {
            token = TokenSecret.generate();
            session.setAttribute(ATTRIBUTE, token);
        }
        return token.toString();
    }

    static boolean matches(HttpSession session, String sent) {
        Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
