package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.web.application.NamespaceService;
import io.wharf.web.application.NamespaceView;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Organizations: {@code /console/namespaces} lists them (search, pages) with a create form;
 * {@code /console/namespaces/<name>/delete} asks for confirmation, then deletes.
 */
@ApplicationScoped
@Path("namespaces")
public class NamespacePages extends ConsoleResource {
    @Inject
    NamespaceService namespaces;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        String[] path = console.path();
        if (path.length == 3 && path[2].equals("delete")) {
            delete(console, path[1]);
        } else if (path.length == 1 && console.isPost()) {
            create(console);
        } else if (path.length == 1) {
            list(console, Map.of());
        } else {
            console.redirect("/console/namespaces");
        }
    }

    private void list(ConsoleRequest console, Map<String, Object> form) throws IOException {
        list(console, 200, form);
    }

    private void list(ConsoleRequest console, int status, Map<String, Object> form) throws IOException {
        String search = console.param("q");
        PageRequest request = Paging.request(console);
        Sorting sort = Sorting.of(console, List.of("name", "created"));
        Page<NamespaceView> page = namespaces.list(console.caller(),
                search.isEmpty() ? null : search.toLowerCase(java.util.Locale.ROOT), false,
                sort.key().equals("created") ? NamespaceQuery.Order.CREATED : NamespaceQuery.Order.NAME, sort.descending(),
                request);
        Map<String, Object> model = new HashMap<>(form);
        model.put("namespaces", page.items());
        model.put("paging", Paging.of(request, page));
        model.put("q", search);
        model.put("sort", sort.param());
        model.putIfAbsent("name", "");
        console.render(status, "namespaces", model);
    }

    private void create(ConsoleRequest console) throws IOException {
        String name = console.param("namespace");
        try {
            namespaces.create(console.caller(), name);
            console.flash(console.text("namespaces.created", name));
            console.redirect("/console/namespaces");
        } catch (WharfException refused) {
            list(console, ConsoleRequest.statusOf(refused), Map.of("name", name, "error", console.refusal(refused)));
        }
    }

    private static void confirm(ConsoleRequest console, int status, String name, String error) throws IOException {
        Map<String, Object> model = new HashMap<>(Map.of("title", console.text("namespaces.deleteTitle", name),
                "message", "The organization and its name are released for anyone to take. An organization that still "
                        + "holds image repositories cannot be deleted.",
                "action", "/console/namespaces/" + name + "/delete", "button", console.text("namespaces.delete"),
                "cancel", "/console/namespaces"));
        if (error != null) {
            model.put("error", error);
        }
        console.render(status, "confirm", model);
    }

    private void delete(ConsoleRequest console, String name) throws IOException {
        namespaces.show(console.caller(), name);
        if (!console.isPost()) {
            confirm(console, 200, name, null);
            return;
        }
        try {
            namespaces.delete(console.caller(), name);
            console.flash(console.text("namespaces.deleted", name));
            console.redirect("/console/namespaces");
        } catch (WharfException refused) {
            confirm(console, ConsoleRequest.statusOf(refused), name, console.refusal(refused));
        }
    }
}
