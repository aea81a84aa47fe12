package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.PasswordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/password}: the signed-in user chooses a new password with the current one. A user whose password
 * an administrator set lands here after signing in and can open no other page until they have. This session goes on;
 * the user's other sessions and tokens end.
 */
@ApplicationScoped
@Path("password")
public class PasswordPages extends ConsoleResource {
    @Inject
    PasswordService passwords;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        if (!console.isPost()) {
            form(console, 200, null);
            return;
        }
        try {
            if (!console.param("password").equals(console.param("confirmation"))) {
                throw WharfException.invalid("confirmation", console.text("password.mismatch"));
            }
            passwords.change(console.caller().userId(), console.param("current"), console.param("password"));
            console.session(true).setAttribute(ConsoleFrontDoor.SIGNED_IN_AT, Instant.now().toString());
            console.flash(console.text("password.changed"));
            console.redirect("/console/");
        } catch (WharfException refused) {
            form(console, ConsoleRequest.statusOf(refused), console.refusal(refused));
        }
    }

    private static void form(ConsoleRequest console, int status, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("required", Boolean.TRUE.equals(console.attribute(ConsoleFrontDoor.CHANGE_REQUIRED)));
        if (error != null) {
            model.put("error", error);
        }
        console.render(status, "password", model);
    }
}
