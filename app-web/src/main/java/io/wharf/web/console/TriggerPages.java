package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.TriggerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .../repos/<repo>/triggers}: the repository's triggers with when they fire and where they deliver, a form to
 * add one (a webhook and its signing key), enable/disable and delete, and a trigger's deliveries ({@code ?trigger=})
 * with status, response code, attempts and duration, followed in place while one is pending.
 */
@ApplicationScoped
public class TriggerPages {
    private static final List<String> FORM = List.of("name", "trigger_type", "condition", "webhook_url");

    @Inject
    TriggerService triggers;

    void handle(ConsoleRequest console, String ns, String repo, String base) throws IOException {
        String page = base + "/triggers";
        if (console.isPost()) {
            console.submit(page, () -> act(console, ns, repo), (status, error) -> {
                Map<String, Object> form = console.typed(FORM);
                form.put("error", error);
                render(console, ns, repo, base, status, form);
            });
            return;
        }
        render(console, ns, repo, base, 200, Map.of());
    }

    private String act(ConsoleRequest console, String ns, String repo) {
        String name = console.param("name");
        switch (console.param("action")) {
            case "create" -> {
                String type = console.param("trigger_type");
                triggers.create(console.caller(), ns, repo, new Trigger.Draft(name, "update", null, null, null, null,
                        null, console.param("condition"), null, "true", Trigger.WEBHOOK, type.isEmpty() ? Trigger.ALL : type,
                        console.param("webhook_url"), console.param("webhook_secret")));
                return console.text("triggers.added", name);
            }
            case "enable", "disable" -> {
                boolean on = console.param("action").equals("enable");
                triggers.update(console.caller(), ns, repo, name, String.valueOf(on));
                return console.text(on ? "triggers.enabled" : "triggers.disabled", name);
            }
            case "delete" -> {
                triggers.delete(console.caller(), ns, repo, name);
                return console.text("triggers.deleted", name);
            }
            default -> throw WharfException.invalid("action", "Choose add, enable, disable or delete.");
        }
    }

    private void render(ConsoleRequest console, String ns, String repo, String base, int status, Map<String, Object> form)
            throws IOException {
        Map<String, Object> model = new HashMap<>(form);
        for (String f : FORM) {
            model.putIfAbsent(f.replace("_", ""), "");
        }
        model.put("base", base);
        model.put("page", base + "/triggers");
        model.put("path", ns + "/" + repo);
        List<TriggerService.TriggerView> all = triggers.list(console.caller(), ns, repo);
        model.put("triggers", all);
        String chosen = console.param("trigger");
        model.put("chosen", chosen);
        if (!chosen.isEmpty()) {
            PageRequest request = Paging.request(console);
            Page<TriggerDelivery> deliveries = triggers.deliveries(console.caller(), ns, repo, chosen, request).page();
            model.put("deliveries", deliveries.items());
            model.put("paging", Paging.of(request, deliveries));
            model.put("pending", deliveries.items().stream().anyMatch(d -> TriggerDelivery.PENDING.equals(d.result())));
        }
        console.render(status, "triggers", model);
    }
}
