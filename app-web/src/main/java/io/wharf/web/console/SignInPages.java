package io.wharf.web.console;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.IdentityService;
import io.wharf.web.application.PasswordCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Map;

/** Sign-in and sign-out. A successful sign-in starts a fresh session, so a planted session id is worthless. */
@ApplicationScoped
public class SignInPages {
    @Inject
    IdentityService identity;

    void handle(ConsoleRequest console, String section) throws IOException {
        if (section.equals("logout")) {
            if (console.isPost()) {
                HttpSession session = console.session(false);
                if (session != null) {
                    session.invalidate();
                }
                console.flash("You are signed out.");
            }
            console.redirect("/console/login");
            return;
        }
        if (!console.isPost()) {
            console.render("login", Map.of("account", "", "user", ""));
            return;
        }
        String account = console.param("account");
        String user = console.param("user");
        try {
            Caller caller = identity.signIn(new PasswordCredentials(account, user, console.param("password")));
            HttpSession old = console.session(false);
            if (old != null) {
                old.invalidate();
            }
            console.session(true).setAttribute(ConsoleServlet.USER_ID, caller.userId());
            console.redirect("/console/namespaces");
        } catch (WharfException refused) {
            console.render(ConsoleRequest.statusOf(refused), "login",
                    Map.of("account", account, "user", user, "error", refused.getMessage()));
        }
    }
}
