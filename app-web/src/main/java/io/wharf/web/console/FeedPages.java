package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.FeedImport;
import io.wharf.web.application.FeedService;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/feeds} (Wharf's administrators): the vulnerability-feed imports with their outcome and, while one
 * runs, its phase and progress (the list follows it by itself), and an import of a directory inside
 * {@code WHARF_FEED_DIR} (zip uploads go through the API: they may be hundreds of megabytes), and the default pull policy
 * of organizations without their own.
 */
@ApplicationScoped
@Path("feeds")
public class FeedPages extends ConsoleResource {
    @Inject
    FeedService feeds;
    @Inject
    WharfSettings settings;
    @Inject
    io.wharf.web.application.PullPolicyService pullPolicy;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("feedDirectory", settings.feedDirectory().toString());
        model.put("mirrors", settings.feedUrls());
        model.put("admin", console.caller().systemAdministrator());
        model.put("defaultPolicy", console.caller().systemAdministrator() ? pullPolicy.defaultPolicy() : null);
        if (!console.caller().systemAdministrator()) {
            model.put("error", console.text("feeds.adminOnly"));
            model.put("imports", java.util.List.of());
            model.put("active", false);
            console.render(403, "feeds", model);
            return;
        }
        int status = 200;
        if (console.isPost() && "default-policy".equals(console.param("action"))) {
            try {
                pullPolicy.setDefault(console.caller(), PullPolicyPages.policy(console));
                console.flash(console.text("pullPolicy.saved"));
                console.redirect("/console/feeds");
                return;
            } catch (WharfException refused) {
                model.put("error", console.refusal(refused));
                status = ConsoleRequest.statusOf(refused);
            }
        } else if (console.isPost()) {
            String directory = console.param("directory");
            try {
                FeedImport begun = feeds.importDirectory(console.caller(), directory);
                console.flash(console.text("feeds.started", begun.source()));
                console.redirect("/console/feeds");
                return;
            } catch (WharfException refused) {
                model.put("error", console.refusal(refused));
                model.put("directory", directory);
                status = ConsoleRequest.statusOf(refused);
            }
        }
        PageRequest request = Paging.request(console);
        Page<FeedImport> page = feeds.imports(console.caller(), request);
        model.put("imports", page.items());
        model.put("active", page.items().stream().anyMatch(FeedImport::active));
        model.put("paging", Paging.of(request, page));
        console.render(status, "feeds", model);
    }
}
