package io.wharf.web.console;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.IdentityService;
import io.wharf.web.application.PasswordCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.wharf.web.application.UseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Map;

/** Sign-in and sign-out. A successful sign-in starts a fresh session, so a planted session id is worthless. */
@ApplicationScoped
@Path("{section: login|logout}")
public class SignInPages {
    @Inject
    IdentityService identity;

    /** The sign-in page that returns to a console page asked for while signed out. */
    static String loginReturningTo(String requested) {
        String next = safeReturn(requested);
        return next.isEmpty() || next.equals("/console/") ? "/console/login"
                : "/console/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A return address only ever leads to a console page of this server: never elsewhere, never to sign-out. */
    static String safeReturn(String next) {
        if (next == null || !next.startsWith("/console/") || next.length() > 2000 || next.contains("//")
                || next.contains("\\") || next.startsWith("/console/log")
                || next.chars().anyMatch(c -> c < 0x21 || c >= 0x7f)) {
            // Only printable ASCII: a Location header carries bytes, and anything else arrives truncated.
            return "";
        }
        return next;
    }


    @GET
    @UseCase
    public Response show(@Context HttpServletRequest http, @PathParam("section") String section) throws IOException {
        return ConsolePage.answer(http, console -> handle(console, section));
    }

    @POST
    public Response submit(@Context HttpServletRequest http, @PathParam("section") String section) throws IOException {
        return ConsolePage.answer(http, console -> handle(console, section));
    }

    void handle(ConsoleRequest console, String section) throws IOException {
        if (section.equals("logout")) {
            if (console.isPost()) {
                HttpSession session = console.session(false);
                if (session != null) {
                    session.invalidate();
                }
                console.flash(console.text("login.signedOut"));
            }
            console.redirect("/console/login");
            return;
        }
        String next = safeReturn(console.param("next"));
        if (!console.isPost()) {
            console.render("login", Map.of("account", "", "user", "", "next", next));
            return;
        }
        String account = console.param("account");
        String user = console.param("user");
        try {
            IdentityService.Session signedIn = identity.signInToConsole(
                    new PasswordCredentials(account, user, console.param("password")));
            Caller caller = signedIn.caller();
            HttpSession old = console.session(false);
            if (old != null) {
                old.invalidate();
            }
            HttpSession session = console.session(true);
            session.setAttribute(ConsoleFrontDoor.USER_ID, caller.userId());
            session.setAttribute(ConsoleFrontDoor.SIGNED_IN_AT, java.time.Instant.now().toString());
            identity.consoleLanguage(caller).ifPresent(tag -> console.remember(ConsoleLocale.LANGUAGE_COOKIE, tag));
            console.redirect(signedIn.passwordChangeRequired() ? "/console/password" : next.isEmpty() ? "/console/" : next);
        } catch (WharfException refused) {
            console.render(ConsoleRequest.statusOf(refused), "login",
                    Map.of("account", account, "user", user, "next", next, "error", console.refusal(refused)));
        }
    }
}
