package io.wharf.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/preferences}: the reader's language and time zone, kept in cookies on this browser; the language
 * also on the user, so it follows them to another browser. The menu's language link lands here with {@code ?lang=},
 * which the locale resolver and the console's front door have already remembered.
 */
@ApplicationScoped
@Path("preferences")
public class PreferencePages extends ConsoleResource {
    @jakarta.inject.Inject
    io.wharf.web.application.IdentityService identity;

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    @Override
    void handle(ConsoleRequest console) throws IOException {
        if (console.isPost()) {
            ConsoleLocale.supported(console.param("language")).ifPresent(l -> {
                String tag = new ConsoleLocale(l, console.reader().zone()).tag();
                console.remember(ConsoleLocale.LANGUAGE_COOKIE, tag);
                identity.chooseConsoleLanguage(console.caller(), tag);
            });
            String zone = console.param("zone");
            if (!zone.equals("UTC") && ConsoleLocale.zone(zone).isEmpty()) {
                throw io.wharf.domain.error.WharfException.invalid("zone", console.text("preferences.badZone"));
            }
            console.remember(ConsoleLocale.ZONE_COOKIE, zone);
            console.flash(console.text("preferences.saved"));
            console.redirect("/console/preferences");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("zones", ZONES);
        console.render("preferences", model);
    }
}
