package io.wharf.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import io.wharf.web.application.UseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

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
public class PreferencePages {
    @jakarta.inject.Inject
    io.wharf.web.application.IdentityService identity;

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();


    @GET
    @UseCase
    public Response show(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::handle);
    }

    @POST
    public Response submit(@Context HttpServletRequest http) throws IOException {
        return ConsolePage.answer(http, this::handle);
    }

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
