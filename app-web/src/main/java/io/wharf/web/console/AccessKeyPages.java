package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.CredentialService;
import io.wharf.web.application.IssuedAccessKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/access-keys}: the signed-in user's access keys; create one (its secret key shown this once) and
 * delete one after a confirmation.
 */
@ApplicationScoped
public class AccessKeyPages {
    @Inject
    CredentialService credentials;

    void handle(ConsoleRequest console) throws IOException {
        String[] path = console.path();
        if (path.length == 3 && path[2].equals("delete")) {
            delete(console, path[1]);
        } else if (console.isPost()) {
            create(console);
        } else {
            list(console, 200, Map.of());
        }
    }

    private void list(ConsoleRequest console, int status, Map<String, Object> extra) throws IOException {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("keys", credentials.list(console.caller(), null));
        console.render(status, "access-keys", model);
    }

    private void create(ConsoleRequest console) throws IOException {
        try {
            IssuedAccessKey issued = credentials.create(console.caller(), null, console.param("description"));
            list(console, 201, Map.of("issued", issued));
        } catch (WharfException refused) {
            list(console, ConsoleRequest.statusOf(refused), Map.of("error", refused.getMessage()));
        }
    }

    private void delete(ConsoleRequest console, String accessKeyId) throws IOException {
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", "Delete access key " + accessKeyId + "?",
                    "message", "Programs signing with this key stop working at once.",
                    "action", "/console/access-keys/" + accessKeyId + "/delete", "button", "Delete key",
                    "cancel", "/console/access-keys"));
            return;
        }
        credentials.delete(console.caller(), accessKeyId);
        console.flash("Access key " + accessKeyId + " deleted.");
        console.redirect("/console/access-keys");
    }
}
