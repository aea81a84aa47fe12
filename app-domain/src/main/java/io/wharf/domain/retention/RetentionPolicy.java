package io.wharf.domain.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A repository's retention policy: its rules joined by {@code or} (the only algorithm the reference has) — a tag any
 * rule removes is removed.
 */
public record RetentionPolicy(long id, long repositoryId, String algorithm, List<RetentionRule> rules) {
    public static final String OR = "or";

    public RetentionPolicy {
        rules = List.copyOf(rules);
    }

    /** Each tag to remove at {@code now}, with the first rule that removes it. */
    public Map<String, RetentionRule> removals(List<RetentionRule.TagAge> tags, Instant now) {
        Map<String, RetentionRule> removed = new TreeMap<>();
        for (RetentionRule rule : rules) {
            for (String tag : rule.removes(tags, now)) {
                removed.putIfAbsent(tag, rule);
            }
        }
        return removed;
    }
}
