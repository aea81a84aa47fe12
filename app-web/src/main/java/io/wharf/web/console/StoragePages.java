package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.BackupService;
import io.wharf.web.application.GarbageCollector;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/storage} (Wharf's administrators): collect unreferenced blobs now. Blobs younger than the grace
 * period are kept so that a push in progress is never collected.
 */
@ApplicationScoped
@Path("storage")
public class StoragePages extends ConsoleResource {
    @Inject
    GarbageCollector collector;
    @Inject
    BackupService backups;
    @Inject
    io.wharf.web.application.MaintenanceService maintenance;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("graceMinutes", GarbageCollector.DEFAULT_GRACE.toMinutes());
        if (!console.caller().systemAdministrator()) {
            model.put("error", console.text("storage.adminOnly"));
            console.render(403, "storage", model);
            return;
        }
        int status = 200;
        if (console.isPost()) {
            try {
                if ("maintenance".equals(console.param("action"))) {
                    boolean readOnly = "on".equals(console.param("read_only"));
                    maintenance.set(console.caller(), readOnly, console.param("reason"));
                    console.flash(console.text(readOnly ? "maintenance.on" : "maintenance.off"));
                    console.redirect("/console/storage");
                    return;
                }
                if ("dry-run".equals(console.param("action"))) {
                    GarbageCollector.Collected would = collector.dryRun(console.caller(), GarbageCollector.DEFAULT_GRACE);
                    console.flash(console.text("storage.wouldCollect", would.blobs(),
                            new ConsoleFormat(console.reader()).bytes(would.bytes()), would.links()));
                    console.redirect("/console/storage");
                    return;
                }
                if ("backup".equals(console.param("action"))) {
                    BackupService.Backup begun = backups.start(console.caller(),
                            "on".equals(console.param("include_secret_key")));
                    console.flash(console.text("storage.backupStarted", begun.name()));
                    console.redirect("/console/storage");
                    return;
                }
                GarbageCollector.Collected collected = collector.collect(console.caller(), GarbageCollector.DEFAULT_GRACE);
                console.flash(console.text("storage.collected", collected.blobs(),
                        new ConsoleFormat(console.reader()).bytes(collected.bytes()), collected.links()));
                console.redirect("/console/storage");
                return;
            } catch (WharfException refused) {
                model.put("error", console.refusal(refused));
                status = ConsoleRequest.statusOf(refused);
            }
        }
        PageRequest request = Paging.request(console);
        Page<BackupService.Backup> page = backups.list(console.caller(), request);
        model.put("backups", page.items());
        model.put("paging", Paging.of(request, page));
        model.put("backingUp", page.items().stream().anyMatch(b -> b.state().equals(BackupService.Backup.RUNNING)));
        model.put("collections", collector.history(console.caller(), 10));
        console.render(status, "storage", model);
    }
}
