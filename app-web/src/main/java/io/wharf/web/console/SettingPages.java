package io.wharf.web.console;

import io.wharf.domain.config.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /console/settings}: for Wharf's administrators, every setting this server runs with — the value (secrets
 * masked) or the default, and where it came from (a system property, the environment, WHARF_CONFIG_FILE).
 */
@ApplicationScoped
@Path("settings")
public class SettingPages extends ConsoleResource {

    @Override
    void handle(ConsoleRequest console) throws IOException {
        if (!console.caller().systemAdministrator()) {
            console.render(403, "error", Map.of("message", console.text("settings.adminOnly")));
            return;
        }
        console.render("settings", Map.of("settings", Configuration.effective()));
    }
}
