package io.wharf.web.console;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.IdentityService;
import io.wharf.web.servlet.AuditFilter;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's front door, before any page: the session's caller (a user who no longer exists is signed out), a
 * page asked for while signed out sends to the sign-in with the way back, a form without this session's CSRF token is
 * refused, a removal posted from a list is confirmed on one page first, and a language chosen with the switcher is
 * kept on the user. It runs before a resource is matched, so an unknown address is answered as a page too. After
 * every page: the security headers.
 */
@Provider
@PreMatching
public class ConsoleFrontDoor implements ContainerRequestFilter, ContainerResponseFilter {
    static final String USER_ID = "wharf.userId";
    /** When the session signed in (or last changed its password): sessions begun before a password change end. */
    static final String SIGNED_IN_AT = "wharf.signedInAt";
    /** Set on a request whose user must choose a new password before opening anything else. */
    static final String CHANGE_REQUIRED = "wharf.passwordChangeRequired";
    /** The maintenance switch as this request saw it (pages show a notice while Wharf is read-only). */
    static final String MAINTENANCE = "wharf.maintenance";

    @Inject
    io.wharf.web.application.MaintenanceService maintenance;

    @Inject
    IdentityService identity;
    @Context
    HttpServletRequest request;
    @Context
    HttpServletResponse response;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        request.setCharacterEncoding("UTF-8");
        HttpSession session = request.getSession(false);
        Caller signedIn = callerOf(session);
        AuditFilter.identify(request, signedIn, null);
        ConsoleRequest console = new ConsoleRequest(request, response, signedIn);
        request.setAttribute(ConsoleRequest.class.getName(), console);
        if (signedIn != null) {
            // The switcher's choice follows the user to other browsers.
            ConsoleLocale.supported(request.getParameter("lang"))
                    .ifPresent(chosen -> identity.chooseConsoleLanguage(signedIn, console.reader().tag()));
        }
        String[] path = console.path();
        String section = path.length == 0 ? "" : path[0];
        boolean signingIn = section.equals("login") || section.equals("logout");
        boolean changeRequired = Boolean.TRUE.equals(request.getAttribute(CHANGE_REQUIRED));
        io.wharf.domain.maintenance.MaintenanceMode mode = maintenance.current();
        request.setAttribute(MAINTENANCE, mode);
        // Read-only maintenance: forms that write are refused; signing in and out, and the switch and backups on the
        // Storage page, go on.
        boolean refusedWrite = mode.readOnly() && console.isPost() && signedIn != null && !signingIn
                && !(section.equals("storage") && List.of("maintenance", "backup", "dry-run").contains(console.param("action")));
        if (console.isPost() && !CsrfToken.matches(session, request.getParameter(CsrfToken.FIELD))) {
            console.render(403, "error", Map.of("message", console.text("error.csrf")));
        } else if (signedIn == null && !signingIn) {
            console.redirect(console.isPost() ? "/console/login" : SignInPages.loginReturningTo(console.requested()));
        } else if (changeRequired && !signingIn && !section.equals("password")) {
            console.redirect("/console/password");
        } else if (refusedWrite) {
            console.render(503, "error", Map.of("message", mode.refusal()));
        } else if (console.isPost() && signedIn != null && "delete".equals(console.param("action"))
                && !"yes".equals(console.param("confirmed"))) {
            confirmRemoval(console);
        } else {
            return;
        }
        context.abortWith(console.outcome());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext answer) {
        MultivaluedMap<String, Object> headers = answer.getHeaders();
        headers.putSingle("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Cache-Control", "no-store");
    }

    /**
     * The one confirmation of a removal posted from a list (a trigger, a policy, a region...): the same form again on
     * a page that says what goes, with {@code confirmed=yes}; the removal itself runs on that second POST.
     */
    private void confirmRemoval(ConsoleRequest console) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(CsrfToken.FIELD)) {
                fields.put(name, List.of(values));
            }
        });
        fields.put("confirmed", List.of("yes"));
        String page = console.requested();
        String named = fields.entrySet().stream().filter(f -> !f.getKey().equals("action") && !f.getKey().equals("confirmed"))
                .findFirst().map(f -> f.getValue().get(0)).orElse("");
        console.render("confirm", Map.of("title", console.text("confirm.title", named),
                "message", console.text("confirm.message"), "action", page, "button", console.text("remove"),
                "cancel", page, "hidden", fields));
    }

    private Caller callerOf(HttpSession session) {
        Object userId = session == null ? null : session.getAttribute(USER_ID);
        if (userId == null) {
            return null;
        }
        try {
            Object since = session.getAttribute(SIGNED_IN_AT);
            IdentityService.Session signedIn = identity.sessionOf(userId.toString(),
                    since == null ? null : java.time.Instant.parse(since.toString()));
            if (signedIn.passwordChangeRequired()) {
                request.setAttribute(CHANGE_REQUIRED, Boolean.TRUE);
            }
            return signedIn.caller();
        } catch (WharfException gone) {
            session.invalidate();
            return null;
        }
    }
}
