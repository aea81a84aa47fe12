package io.wharf.web.console;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.domain.retention.TagSelector;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import io.wharf.web.application.RetentionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .../repos/<repo>/retention}: the repository's retention policies in words, a form to add one (keep the newest N
 * tags, or remove tags older than N days, with exempt tags and patterns), a dry run and a run for each, and the record
 * of removed tags.
 */
@ApplicationScoped
public class RetentionPages {
    @Inject
    RetentionService retentions;

    void handle(ConsoleRequest console, String ns, String repo, String base) throws IOException {
        String page = base + "/retention";
        if (console.isPost()) {
            console.submit(page, () -> act(console, ns, repo), (status, error) -> render(console, ns, repo, base, status,
                    Map.of("error", error, "template", console.param("template"), "value", console.param("value"),
                            "labels", console.param("labels"), "patterns", console.param("patterns"))));
            return;
        }
        render(console, ns, repo, base, 200, Map.of());
    }

    private String act(ConsoleRequest console, String ns, String repo) {
        switch (console.param("action")) {
            case "create" -> {
                RetentionPolicy created = retentions.create(console.caller(), ns, repo, RetentionPolicy.OR,
                        List.of(rule(console)));
                return console.text("retention.added", created.id());
            }
            case "run", "dry-run" -> {
                boolean dry = console.param("action").equals("dry-run");
                RetentionRun run = retentions.execute(console.caller(), ns, repo, id(console), dry);
                return console.text(dry ? "retention.dryRunStarted" : "retention.runStarted", run.id());
            }
            case "delete" -> {
                retentions.delete(console.caller(), ns, repo, id(console));
                return console.text("retention.removed");
            }
            default -> throw WharfException.invalid("action", "Choose add, run, dry run or delete.");
        }
    }

    /** The form's rule: keep the newest N tags, or remove tags older than N days; exempt tags and patterns. */
    private static RetentionRule rule(ConsoleRequest console) {
        List<TagSelector> selectors = new ArrayList<>();
        for (String label : console.param("labels").split(",")) {
            if (!label.isBlank()) {
                selectors.add(TagSelector.of(TagSelector.LABEL, label.strip(), "Exempt tags"));
            }
        }
        for (String pattern : console.param("patterns").split("\n")) {
            if (!pattern.isBlank()) {
                selectors.add(TagSelector.of(TagSelector.REGEXP, pattern.strip(), "Exempt patterns"));
            }
        }
        String template = console.param("template");
        String value = console.param("value");
        return RetentionRule.of(template, value, value, selectors, "The rule");
    }

    private static long id(ConsoleRequest console) {
        try {
            return Long.parseLong(console.param("id"));
        } catch (NumberFormatException e) {
            throw WharfException.invalid("id", "Choose a policy.");
        }
    }

    private void render(ConsoleRequest console, String ns, String repo, String base, int status, Map<String, Object> form)
            throws IOException {
        Map<String, Object> model = new HashMap<>(form);
        model.putIfAbsent("template", RetentionRule.TAG_RULE);
        model.putIfAbsent("value", "10");
        model.putIfAbsent("labels", "");
        model.putIfAbsent("patterns", "");
        model.put("base", base);
        model.put("page", base + "/retention");
        model.put("path", ns + "/" + repo);
        model.put("policies", retentions.list(console.caller(), ns, repo).stream().map(RetentionPages::describe).toList());
        PageRequest request = Paging.request(console);
        Page<RetentionRecord> records = retentions.histories(console.caller(), ns, repo, request);
        model.put("records", records.items());
        List<RetentionRun> runs = retentions.runs(console.caller(), ns, repo, 5);
        model.put("runs", runs);
        model.put("running", runs.stream().anyMatch(r -> r.status().equals(RetentionRun.RUNNING)));
        model.put("paging", Paging.of(request, records));
        console.render(status, "retention", model);
    }

    /** A policy in words, as the page lists it. */
    public record Described(long id, List<String> rules) {
    }

    static Described describe(RetentionPolicy policy) {
        List<String> rules = new ArrayList<>();
        for (RetentionRule rule : policy.rules()) {
            String what = rule.template().equals(RetentionRule.TAG_RULE)
                    ? "Keep the newest " + rule.value() + " tags" : "Remove tags not pushed for " + rule.value() + " days";
            List<String> exempt = rule.tagSelectors().stream().map(s -> s.kind().equals(TagSelector.LABEL)
                    ? s.pattern() : "/" + s.pattern() + "/").toList();
            rules.add(exempt.isEmpty() ? what : what + ", never " + String.join(", ", exempt));
        }
        return new Described(policy.id(), rules);
    }
}
