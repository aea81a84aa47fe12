package io.wharf.domain.retention;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.naming.BoundedText;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A repository's retention policy: its rules joined by {@code or} (the only algorithm the reference has) — a tag any
 * rule removes is removed.
 */
public record RetentionPolicy(long id, long repositoryId, String algorithm, List<RetentionRule> rules) {
    public static final String OR = "or";
    /** Rules per policy (Harbor allows 15 per project; a repository needs fewer). */
    public static final int MAX_RULES = 10;
    /** Policies per repository. */
    public static final int MAX_PER_REPOSITORY = 10;
    /**
     * Characters the tag selectors of one run may read over all tags: about a second of matching on this machine's
     * class of CPU. A run that needs more removes nothing and says so.
     */
    public static final long RUN_BUDGET = 20_000_000;

    public RetentionPolicy {
        rules = List.copyOf(rules);
    }

    /**
     * Each tag to remove at {@code now}, with the first rule that removes it; refuses (limit reached) a policy whose
     * selectors read more than {@link #RUN_BUDGET} characters, before anything is removed.
     */
    public Map<String, RetentionRule> removals(List<RetentionRule.TagAge> tags, Instant now) {
        Map<String, RetentionRule> removed = new TreeMap<>();
        BoundedText.Budget budget = new BoundedText.Budget(RUN_BUDGET);
        for (RetentionRule rule : rules) {
            Set<String> removes;
            try {
                removes = rule.removes(tags, now, budget);
            } catch (BoundedText.Exhausted exhausted) {
                throw WharfException.limitReached(Subject.RETENTION, "The policy's tag selectors need more than "
                        + RUN_BUDGET + " character reads over the repository's " + tags.size() + " tags; nothing was"
                        + " removed. Use fewer or simpler regexp selectors.");
            }
            for (String tag : removes) {
                removed.putIfAbsent(tag, rule);
            }
        }
        return removed;
    }
}
