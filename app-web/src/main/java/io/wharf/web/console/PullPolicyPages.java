package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.scan.PullPolicy;
import io.wharf.web.application.PullPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/namespaces/<ns>/pull-policy}: which of the organization's images may be pulled (its managers change
 * it; others read it), and its vulnerability allowlist — each entry with why and until when.
 */
@ApplicationScoped
public class PullPolicyPages {
    @Inject
    PullPolicyService service;

    void handle(ConsoleRequest console, String ns) throws IOException {
        String page = "/console/namespaces/" + ns + "/pull-policy";
        if (console.isPost()) {
            console.submit(page, () -> act(console, ns), (status, error) -> render(console, ns, status,
                    Map.of("error", error, "vulId", console.param("vul_id"), "reason", console.param("reason"),
                            "expires", console.param("expires"))));
            return;
        }
        render(console, ns, 200, Map.of());
    }

    private String act(ConsoleRequest console, String ns) {
        switch (console.param("action")) {
            case "save" -> {
                service.setPolicy(console.caller(), ns, policy(console));
                return console.text("pullPolicy.saved");
            }
            case "follow-default" -> {
                service.clearPolicy(console.caller(), ns);
                return console.text("pullPolicy.followsDefault");
            }
            case "allow" -> {
                String vulId = console.param("vul_id").strip();
                service.allow(console.caller(), ns, vulId, console.param("reason"), expiry(console.param("expires")));
                return console.text("pullPolicy.allowed", vulId);
            }
            case "revoke" -> {
                service.revoke(console.caller(), ns, console.param("vul_id"));
                return console.text("pullPolicy.revoked", console.param("vul_id"));
            }
            default -> throw WharfException.invalid("action", "Choose save, follow the default, allow or remove.");
        }
    }

    /** The form's policy: two checkboxes, a severity and the break-glass users (comma-separated). */
    static PullPolicy policy(ConsoleRequest console) {
        List<String> breakGlass = java.util.Arrays.stream(console.param("break_glass_users").split(","))
                .map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
        return PullPolicy.of("yes".equals(console.param("refuse_unscanned")), console.param("refuse_severity"),
                "yes".equals(console.param("refuse_malicious")), breakGlass);
    }

    /** A date (the end of that day, UTC) or nothing. */
    private static Optional<java.time.Instant> expiry(String date) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw WharfException.invalid("expires_at", "The expiry is a date such as 2027-06-30, or empty for none.");
        }
    }

    private void render(ConsoleRequest console, String ns, int status, Map<String, Object> form) throws IOException {
        Map<String, Object> model = new HashMap<>(form);
        PullPolicyService.PolicyView view = service.policy(console.caller(), ns);
        model.put("ns", ns);
        model.put("page", "/console/namespaces/" + ns + "/pull-policy");
        model.put("policy", view.policy());
        model.put("own", view.own());
        model.put("allowlist", service.allowlist(console.caller(), ns));
        model.putIfAbsent("vulId", "");
        model.putIfAbsent("reason", "");
        model.putIfAbsent("expires", "");
        console.render(status, "pull-policy", model);
    }
}
