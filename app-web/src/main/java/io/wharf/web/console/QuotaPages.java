package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.quota.Quota;
import io.wharf.domain.quota.QuotaKey;
import io.wharf.web.application.QuotaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/quotas}: the account's limits and use (organizations, repositories, storage); Wharf's administrators
 * also read any account's ({@code ?account=}) and set them: a number, -1 for no limit, blank for the operator's default.
 */
@ApplicationScoped
@Path("quotas")
public class QuotaPages extends ConsoleResource {
    @Inject
    QuotaService quotas;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        String account = console.param("account").isEmpty() ? console.caller().accountName() : console.param("account");
        if (console.isPost()) {
            try {
                quotas.setNamed(console.caller(), account, limits(console));
                console.flash(console.text("quotas.saved", account));
                console.redirect("/console/quotas?account=" + java.net.URLEncoder.encode(account,
                        java.nio.charset.StandardCharsets.UTF_8));
                return;
            } catch (WharfException refused) {
                render(console, account, ConsoleRequest.statusOf(refused), console.refusal(refused));
                return;
            }
        }
        render(console, account, 200, null);
    }

    private static Map<QuotaKey, Long> limits(ConsoleRequest console) {
        Map<QuotaKey, Long> limits = new EnumMap<>(QuotaKey.class);
        for (QuotaKey key : QuotaKey.values()) {
            String text = console.param(key.key()).strip();
            String label = label(key);
            try {
                limits.put(key, text.isEmpty() ? null : Quota.checkLimit(Long.parseLong(text), label));
            } catch (NumberFormatException e) {
                throw WharfException.invalid(key.key(), label + " must be a whole number, -1 for no limit, or blank.");
            }
        }
        return limits;
    }

    static String label(QuotaKey key) {
        return switch (key) {
            case NAMESPACE -> "Organizations";
            case REPOSITORY -> "Repositories";
            case STORAGE -> "Storage (MiB)";
        };
    }

    /** A quota as the page shows it. */
    public record Row(String key, String label, String limit, long used, int percent) {
    }

    private void render(ConsoleRequest console, String account, int status, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        List<Quota> list = quotas.listNamed(console.caller(), account);
        model.put("rows", list.stream().map(q -> new Row(q.key().key(), label(q.key()),
                q.unlimited() ? "no limit" : String.valueOf(q.limit()), q.used(),
                q.unlimited() || q.limit() == 0 ? 0 : (int) Math.min(100, q.used() * 100 / q.limit()))).toList());
        model.put("account", account);
        model.put("error", error);
        console.render(status, "quotas", model);
    }
}
