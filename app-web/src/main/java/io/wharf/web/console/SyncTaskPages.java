package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.SyncTask;
import io.wharf.domain.sync.TaskRegistry;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.SyncTaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/sync-tasks}: start a sync of every registry, and follow each task's registries as they finish or
 * fail; a running task is followed in place by the console script (its region is marked live), with a progress bar.
 */
@ApplicationScoped
@Path("sync-tasks")
public class SyncTaskPages extends ConsoleResource {
    @Inject
    SyncTaskService tasks;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        if (console.isPost() && console.param("action").equals("cancel")) {
            console.submit("/console/sync-tasks", () -> {
                long id = console.intParam("task", 0);
                int stopped = tasks.cancel(console.caller(), id);
                return console.text("sync.cancelled", id, stopped);
            }, (status, error) -> list(console, status, Map.of("error", error)));
            return;
        }
        if (console.isPost()) {
            try {
                SyncTask task = tasks.create(console.caller(), true, List.of());
                console.flash(console.text("sync.started", task.id()));
                console.redirect("/console/sync-tasks");
            } catch (WharfException refused) {
                list(console, ConsoleRequest.statusOf(refused), Map.of("error", console.refusal(refused)));
            }
            return;
        }
        list(console, 200, Map.of());
    }

    private void list(ConsoleRequest console, int status, Map<String, Object> extra) throws IOException {
        Map<String, Object> model = new HashMap<>(extra);
        PageRequest request = Paging.request(console);
        Page<SyncTask> page = tasks.list(console.caller(), request.offset(), request.limit());
        model.put("tasks", page.items());
        Map<Object, Long> settled = new HashMap<>();
        page.items().forEach(t -> settled.put(t.id(), t.registries().stream()
                .filter(r -> !r.syncStatus().equals(TaskRegistry.RUNNING)).count()));
        model.put("settled", settled);
        model.put("paging", Paging.of(request, page));
        model.put("q", "");
        model.put("running", page.items().stream().flatMap(t -> t.registries().stream())
                .anyMatch(r -> r.syncStatus().equals(TaskRegistry.RUNNING)));
        console.render(status, "sync-tasks", model);
    }
}
