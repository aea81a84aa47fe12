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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aRunawayExpressionStopsAndKeepsTheTagItCouldNotJudge() {
        TagSelector evil = TagSelector.of("regexp", "(.*a){12}b", "s");
        assertTrue(evil.exempts("a".repeat(60)), "stopped, and the tag is kept rather than removed unjudged");
        assertFalse(evil.exempts("b"));
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

    @Test
    void aSelectorThatRunsAwayOnATagKeepsThatTag() {
        RetentionRule keepNone = RetentionRule.of("date_rule", "1", null,
                List.of(TagSelector.of("label", "v1", "s"), TagSelector.of("regexp", "(.*a){12}b", "s")), "rules[0]");
        List<RetentionRule.TagAge> tags = List.of(new RetentionRule.TagAge("a".repeat(60), NOW.minus(Duration.ofDays(5))));
        RetentionRule runaway = RetentionRule.of("date_rule", "1", null, List.of(TagSelector.of("regexp", "(.*a){12}b", "s")),
                "rules[0]");
        assertEquals(Set.of(), runaway.removes(tags, NOW), "a tag no selector could judge is kept");
        assertEquals(Set.of(), keepNone.removes(tags, NOW));
    }

    @Test
    void aRunThatWouldReadMoreThanItsBudgetRemovesNothingAndSaysSo() {
        List<TagSelector> heavy = new ArrayList<>();
        for (int i = 0; i < RetentionRule.MAX_SELECTORS; i++) {
            heavy.add(TagSelector.of("regexp", "(.*x){2}y" + i, "s"));
        }
        List<RetentionRule> rules = new ArrayList<>();
        for (int i = 0; i < RetentionPolicy.MAX_RULES; i++) {
            rules.add(RetentionRule.of("date_rule", "1", null, heavy, "rules[" + i + "]"));
        }
        List<RetentionRule.TagAge> tags = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tags.add(new RetentionRule.TagAge("x".repeat(40) + i, NOW.minus(Duration.ofDays(5))));
        }
        WharfException refused = assertThrows(WharfException.class,
                () -> new RetentionPolicy(1, 1, RetentionPolicy.OR, rules).removals(tags, NOW));
        assertEquals(io.wharf.domain.error.Failure.LIMIT_REACHED, refused.failure());
        assertTrue(refused.getMessage().contains("nothing was removed"), refused.getMessage());
    }
}
