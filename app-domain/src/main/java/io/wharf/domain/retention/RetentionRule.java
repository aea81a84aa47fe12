package io.wharf.domain.retention;

import io.wharf.domain.error.WharfException;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One rule of a retention policy: {@code date_rule} removes tags not updated for {@code days}; {@code tag_rule} keeps
 * the {@code num} most recently updated tags and removes the rest. Tags a selector names are never removed (and do not
 * count towards {@code num}).
 */
public record RetentionRule(String template, int value, List<TagSelector> tagSelectors) {
    public static final String DATE_RULE = "date_rule";
    public static final String TAG_RULE = "tag_rule";
    private static final int MAX_DAYS = 36_500;
    private static final int MAX_NUM = 100_000;
    /** Selectors per rule: more than any release scheme needs; a regexp names many tags at once. */
    public static final int MAX_SELECTORS = 20;

    public RetentionRule {
        tagSelectors = List.copyOf(tagSelectors);
    }

    /** Checks a rule as the API receives it ({@code params} as {@code {"days": "30"}} or {@code {"num": "7"}}). */
    public static RetentionRule of(String template, String days, String num, List<TagSelector> selectors, String field) {
        if (DATE_RULE.equals(template)) {
            return new RetentionRule(template, number(days, 1, MAX_DAYS, field + ".params.days"), selectors);
        }
        if (TAG_RULE.equals(template)) {
            return new RetentionRule(template, number(num, 1, MAX_NUM, field + ".params.num"), selectors);
        }
        throw WharfException.invalid(field + ".template", field + ".template must be date_rule or tag_rule.");
    }

    private static int number(String text, int min, int max, String field) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw WharfException.invalid(field, field + " must be a whole number from " + min + " to " + max + ".");
    }

    /** The name of the parameter this rule's value is ({@code days} or {@code num}). */
    public String parameter() {
        return DATE_RULE.equals(template) ? "days" : "num";
    }

    /** Of the repository's tags (name and last update), the ones this rule removes at {@code now}. */
    public Set<String> removes(List<TagAge> tags, Instant now) {
        return removes(tags, now, null);
    }

    /** As {@link #removes(List, Instant)}, every selector's reads spent from {@code budget}. */
    public Set<String> removes(List<TagAge> tags, Instant now, io.wharf.domain.naming.BoundedText.Budget budget) {
        List<java.util.function.Predicate<String>> exemptions = tagSelectors.stream().map(s -> s.exemption(budget)).toList();
        List<TagAge> candidates = tags.stream().filter(t -> exemptions.stream().noneMatch(e -> e.test(t.tag()))).toList();
        if (DATE_RULE.equals(template)) {
            Instant cutoff = now.minus(Duration.ofDays(value));
            return candidates.stream().filter(t -> t.updatedAt().isBefore(cutoff)).map(TagAge::tag)
                    .collect(Collectors.toSet());
        }
        return candidates.stream().sorted(Comparator.comparing(TagAge::updatedAt).reversed().thenComparing(TagAge::tag))
                .skip(value).map(TagAge::tag).collect(Collectors.toSet());
    }

    /** The rule as the reference writes it ({@code rule_type} of a record): {@code {"template", "params", "tag_selectors"}}. */
    public String json() {
        StringBuilder out = new StringBuilder("{\"template\":\"").append(template).append("\",\"params\":{\"")
                .append(parameter()).append("\":\"").append(value).append("\"},\"tag_selectors\":[");
        for (int i = 0; i < tagSelectors.size(); i++) {
            out.append(i == 0 ? "" : ",").append("{\"kind\":\"").append(tagSelectors.get(i).kind())
                    .append("\",\"pattern\":\"").append(escape(tagSelectors.get(i).pattern())).append("\"}");
        }
        return out.append("]}").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A tag and when it was last pushed. */
    public record TagAge(String tag, Instant updatedAt) {
    }
}
