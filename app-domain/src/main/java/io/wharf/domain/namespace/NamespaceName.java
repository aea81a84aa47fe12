package io.wharf.domain.namespace;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.naming.SeparatedName;

/**
 * An organization name, valid by construction. The rules are the pages' (1-64 characters, starts with a lowercase
 * letter, ends with a lowercase letter or digit, only {@code [a-z0-9._-]}); "no two of {@code . _ -} side by side
 * except at most two underscores" reads, with the reference's pattern, as: between two alphanumeric runs stands
 * exactly one separator, which is {@code .}, {@code _}, {@code __} or a run of hyphens.
 */
public record NamespaceName(String value) {
    public static final int MAX_LENGTH = 64;
    private static final String RESERVED = "manage";

    public NamespaceName {
        String broken = brokenRule(value);
        if (broken != null) {
            throw WharfException.invalid("namespace", "Invalid organization name: " + broken);
        }
    }

    /** The rule a candidate name breaks, in words, or null when it is a valid name. */
    public static String brokenRule(String candidate) {
        if (RESERVED.equals(candidate)) {
            return "\"manage\" is reserved: /v2/manage is the management API, so no image path may start with it";
        }
        return SeparatedName.brokenRule(candidate, MAX_LENGTH, true, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
