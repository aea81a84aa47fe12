package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.RegistryType;
import io.wharf.web.application.SyncRegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/registries}: the registries image-sync tasks walk — this Wharf or remote OCI registries by URL and
 * credentials (the password is typed in once and never shown again); add one, remove one after a confirmation.
 */
@ApplicationScoped
@Path("registries")
public class RegistryPages extends ConsoleSection {
    @Inject
    SyncRegistryService registries;


    @Override
    void handle(ConsoleRequest console) throws IOException {
        String[] path = console.path();
        if (path.length == 3 && path[2].equals("delete")) {
            delete(console, path[1]);
        } else if (console.isPost()) {
            add(console);
        } else {
            list(console, 200, Map.of());
        }
    }

    private void list(ConsoleRequest console, int status, Map<String, Object> extra) throws IOException {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("registries", registries.list(console.caller()));
        model.put("types", List.of(RegistryType.values()));
        for (String field : List.of("name", "type", "url", "username")) {
            model.putIfAbsent(field, "");
        }
        console.render(status, "registries", model);
    }

    private void add(ConsoleRequest console) throws IOException {
        try {
            registries.add(console.caller(), console.param("name"), console.param("type"), console.param("url"),
                    console.param("username"), console.param("password"));
            console.flash(console.text("registries.added.flash", console.param("name")));
            console.redirect("/console/registries");
        } catch (WharfException refused) {
            Map<String, Object> form = console.typed(List.of("name", "type", "url", "username"));
            form.put("error", console.refusal(refused));
            list(console, ConsoleRequest.statusOf(refused), form);
        }
    }

    private void delete(ConsoleRequest console, String id) throws IOException {
        if (!console.isPost()) {
            console.render("confirm", Map.of("title", console.text("registries.removeTitle"),
                    "message", console.text("registries.removeMessage"),
                    "action", "/console/registries/" + id + "/delete", "button", console.text("registries.remove"),
                    "cancel", "/console/registries"));
            return;
        }
        try {
            registries.remove(console.caller(), Long.parseLong(id));
            console.flash(console.text("registries.removed"));
        } catch (NumberFormatException | WharfException refused) {
            console.flash(console.text("registries.notRemoved", refused.getMessage()));
        }
        console.redirect("/console/registries");
    }
}
