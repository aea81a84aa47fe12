package io.wharf.domain.namespace;

import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;

/**
 * An organization name, valid by construction. The rules are the pages' (1-64 characters, starts with a lowercase
 * letter, ends with a lowercase letter or digit, only {@code [a-z0-9._-]}); "no two of {@code . _ -} side by side
 * except at most two underscores" reads, with the reference's pattern, as: between two alphanumeric runs stands
 * exactly one separator, which is {@code .}, {@code _}, {@code __} or a run of hyphens.
 */
public record NamespaceName(String value) {
    public static final int MAX_LENGTH = 64;

    public NamespaceName {
        String broken = brokenRule(value);
        if (broken != null) {
            throw new WharfException(SwrError.INVALID_ORGANIZATION_NAME, "Invalid organization name: " + broken);
        }
    }

    /** The rule a candidate name breaks, in words, or null when it is a valid name. */
    public static String brokenRule(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return "it must contain 1 to " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (!isAlphanumeric(candidate.charAt(i)) && !isSeparator(candidate.charAt(i))) {
                return "only lowercase letters, digits, periods (.), underscores (_) and hyphens (-) are allowed";
            }
        }
        char first = candidate.charAt(0);
        if (first < 'a' || first > 'z') {
            return "it must start with a lowercase letter";
        }
        if (!isAlphanumeric(candidate.charAt(candidate.length() - 1))) {
            return "it must end with a lowercase letter or digit";
        }
        return brokenSeparatorRule(candidate);
    }

    private static String brokenSeparatorRule(String name) {
        int i = 0;
        while (i < name.length()) {
            if (isAlphanumeric(name.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < name.length() && isSeparator(name.charAt(i))) {
                i++;
            }
            String run = name.substring(start, i);
            if (run.chars().allMatch(c -> c == '-') || run.equals(".") || run.equals("_") || run.equals("__")) {
                continue;
            }
            if (run.chars().allMatch(c -> c == '_')) {
                return "a maximum of two consecutive underscores is allowed";
            }
            return "periods, underscores and hyphens cannot be placed next to each other";
        }
        return null;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    @Override
    public String toString() {
        return value;
    }
}
