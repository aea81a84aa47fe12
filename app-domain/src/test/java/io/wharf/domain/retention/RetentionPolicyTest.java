package io.wharf.domain.retention;

import io.wharf.domain.error.WharfException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which tags a policy removes: by count, by age, with exempt tags, rules joined by "or"; bad rules refused by field. */
class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    /** Ten tags, v1 pushed ten days ago ... v10 one day ago. */
    private static List<RetentionRule.TagAge> tenTags() {
        List<RetentionRule.TagAge> tags = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tags.add(new RetentionRule.TagAge("v" + i, NOW.minus(Duration.ofDays(11 - i))));
        }
        return tags;
    }

    @Test
    void aTagRuleKeepsTheNewestAndRemovesTheRest() {
        RetentionRule keep3 = RetentionRule.of("tag_rule", null, "3", List.of(), "rules[0]");
        assertEquals(Set.of("v1", "v2", "v3", "v4", "v5", "v6", "v7"), keep3.removes(tenTags(), NOW));
    }

    @Test
    void exemptTagsAreNeverRemovedAndDoNotCountTowardsTheNumberKept() {
        RetentionRule keep3 = RetentionRule.of("tag_rule", null, "3", List.of(TagSelector.of("label", "v1", "s"),
                TagSelector.of("regexp", "v[2-3]", "s")), "rules[0]");
        assertEquals(Set.of("v4", "v5", "v6", "v7"), keep3.removes(tenTags(), NOW));
    }

    @Test
    void aDateRuleRemovesTagsOlderThanItsDays() {
        RetentionRule week = RetentionRule.of("date_rule", "7", null, List.of(), "rules[0]");
        assertEquals(Set.of("v1", "v2", "v3"), week.removes(tenTags(), NOW));
    }

    @Test
    void rulesAreJoinedByOr() {
        RetentionPolicy policy = new RetentionPolicy(1, 1, RetentionPolicy.OR, List.of(
                RetentionRule.of("date_rule", "9", null, List.of(), "rules[0]"),
                RetentionRule.of("tag_rule", null, "8", List.of(), "rules[1]")));
        assertEquals(Set.of("v1", "v2"), policy.removals(tenTags(), NOW).keySet());
        assertEquals("date_rule", policy.removals(tenTags(), NOW).get("v1").template(), "the first rule that removes it");
    }

    @Test
    void aRunawayExpressionStopsAndExemptsNothing() {
        TagSelector evil = TagSelector.of("regexp", "(a+)+b", "s");
        long start = System.nanoTime();
        assertFalse(evil.exempts("a".repeat(60)));
        assertEquals(true, Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "stopped, not hung");
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        assertEquals("rules[1].params.num", assertThrows(WharfException.class,
                () -> RetentionRule.of("tag_rule", null, "0", List.of(), "rules[1]")).field());
        assertEquals("rules[0].template", assertThrows(WharfException.class,
                () -> RetentionRule.of("size_rule", "1", null, List.of(), "rules[0]")).field());
        assertEquals("rules[0].tag_selectors[2].pattern", assertThrows(WharfException.class,
                () -> TagSelector.of("regexp", "([", "rules[0].tag_selectors[2]")).field());
        assertEquals("s.kind", assertThrows(WharfException.class, () -> TagSelector.of("glob", "*", "s")).field());
    }

    @Test
    void aRuleIsWrittenAsTheReferenceWritesItsRuleType() {
        assertEquals("{\"template\":\"tag_rule\",\"params\":{\"num\":\"7\"},\"tag_selectors\":[{\"kind\":\"regexp\","
                + "\"pattern\":\"^v\\\\d\\\"$\"}]}", RetentionRule.of("tag_rule", null, "7",
                List.of(TagSelector.of("regexp", "^v\\d\"$", "s")), "r").json());
    }
}
