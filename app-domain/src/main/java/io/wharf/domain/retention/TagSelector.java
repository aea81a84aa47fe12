package io.wharf.domain.retention;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.naming.BoundedText;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A tag a retention rule never removes: one named exactly ({@code label}) or every tag a regular expression matches
 * ({@code regexp}, the whole tag). A user's expression runs with a step budget ({@link BoundedText}): one that would
 * backtrack for ever on a tag stops and keeps that tag (a selector that cannot be judged never removes anything),
 * and the whole run spends from one budget, so a policy's work is bounded however many selectors and tags it has.
 */
public record TagSelector(String kind, String pattern) {
    public static final String LABEL = "label";
    public static final String REGEXP = "regexp";
    private static final int MAX_PATTERN = 256;

    /** Checks the selector, naming the field of the {@code index}-th selector of the {@code rule}-th rule. */
    public static TagSelector of(String kind, String pattern, String field) {
        if (!LABEL.equals(kind) && !REGEXP.equals(kind)) {
            throw WharfException.invalid(field + ".kind", field + ".kind must be label or regexp.");
        }
        if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_PATTERN) {
            throw WharfException.invalid(field + ".pattern", field + ".pattern must be 1 to " + MAX_PATTERN + " characters.");
        }
        if (REGEXP.equals(kind)) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw WharfException.invalid(field + ".pattern", field + ".pattern is not a regular expression: "
                        + e.getDescription() + ".");
            }
        }
        return new TagSelector(kind, pattern);
    }

    public boolean exempts(String tag) {
        return exemption(null).test(tag);
    }

    /** The test for many tags, the expression compiled once, every read spent from {@code budget}. */
    public java.util.function.Predicate<String> exemption(BoundedText.Budget budget) {
        if (LABEL.equals(kind)) {
            return pattern::equals;
        }
        Pattern compiled = Pattern.compile(pattern);
        return tag -> BoundedText.matches(compiled, tag, budget).orElse(true);
    }
}
