package io.wharf.web.console;

import io.wharf.web.application.IdentityService;
import io.wharf.web.application.LoginKey;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/how-to-push}: the login, tag and push commands for docker, podman and skopeo with this server's
 * address and the signed-in user's login name; a button makes a temporary login (6 hours) so no password is typed.
 */
@ApplicationScoped
public class HowToPushPages {
    @Inject
    IdentityService identity;
    @Inject
    WharfSettings settings;

    void handle(ConsoleRequest console) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("registry", settings.registryAddress());
        model.put("login", console.caller().accountName() + "/" + console.caller().userName());
        model.put("namespace", console.param("namespace") == null ? "<organization>" : console.param("namespace"));
        if (console.isPost()) {
            LoginKey temporary = identity.temporaryLogin(console.caller());
            model.put("temporary", temporary);
            console.render(201, "how-to-push", model);
            return;
        }
        console.render(200, "how-to-push", model);
    }
}
