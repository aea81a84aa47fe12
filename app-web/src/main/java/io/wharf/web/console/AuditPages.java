package io.wharf.web.console;

import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.error.WharfException;
import io.wharf.web.application.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/audit}: the account's audit trail (the user's own unless they administer the account), newest first,
 * filtered by days (UTC), user, service, action, resource and outcome, fifty a page with "Older" following the marker.
 */
@ApplicationScoped
@Path("audit")
public class AuditPages extends ConsoleResource {
    private static final int PAGE = 50;
    private static final List<String> FILTERS = List.of("from", "to", "user", "service", "action", "resource", "rating");

    @Inject
    AuditService audit;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        Map<String, Object> model = new HashMap<>();
        FILTERS.forEach(f -> model.put(f, console.param(f)));
        try {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate from = day(console.param("from"), today.minusDays(6), "From");
            LocalDate to = day(console.param("to"), today, "To");
            long before = console.param("before").isEmpty() ? 0 : Long.parseLong(console.param("before"));
            List<AuditTrace> traces = audit.query(console.caller(), new AuditQuery(console.caller().accountId(), null,
                    from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    blankToNull(console.param("user")), blankToNull(console.param("service")),
                    null, blankToNull(console.param("resource")), blankToNull(console.param("action")),
                    blankToNull(console.param("rating")), before, PAGE));
            model.put("traces", traces);
            model.put("older", traces.size() == PAGE ? traces.get(traces.size() - 1).id() : null);
            model.put("from", from.toString());
            model.put("to", to.toString());
            console.render("audit", model);
        } catch (WharfException | NumberFormatException refused) {
            model.put("traces", List.of());
            model.put("older", null);
            model.put("error", refused instanceof WharfException w ? console.refusal(w) : "The page marker is not a number.");
            console.render(400, "audit", model);
        }
    }

    private static LocalDate day(String text, LocalDate fallback, String label) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw WharfException.invalid(label.toLowerCase(), label + " must be a date such as 2026-11-30.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
