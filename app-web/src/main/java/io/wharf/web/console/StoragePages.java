package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.GarbageCollector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/storage} (Wharf's administrators): collect unreferenced blobs now. Blobs younger than the grace
 * period are kept so that a push in progress is never collected.
 */
@ApplicationScoped
public class StoragePages {
    @Inject
    GarbageCollector collector;

    void handle(ConsoleRequest console) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("graceMinutes", GarbageCollector.DEFAULT_GRACE.toMinutes());
        if (!console.caller().systemAdministrator()) {
            model.put("error", "Only Wharf's administrators manage storage.");
            console.render(403, "storage", model);
            return;
        }
        if (console.isPost()) {
            try {
                model.put("collected", collector.collect(console.caller(), GarbageCollector.DEFAULT_GRACE));
            } catch (WharfException refused) {
                model.put("error", refused.getMessage());
                console.render(ConsoleRequest.statusOf(refused), "storage", model);
                return;
            }
        }
        console.render(200, "storage", model);
    }
}
