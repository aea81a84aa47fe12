package io.wharf.domain.naming;

/**
 * SWR's name rule: lowercase alphanumeric runs joined by exactly one separator, which is {@code .}, {@code _},
 * {@code __}, a run of hyphens or (for repositories) {@code /}. Returns the broken rule in words, or null.
 */
public final class SeparatedName {
    private SeparatedName() {
    }

    /**
     * @param startsWithLetter organizations must start with a letter; repositories may start with a digit
     * @param slashes          whether {@code /} is a separator (repository names)
     */
    public static String brokenRule(String candidate, int maxLength, boolean startsWithLetter, boolean slashes) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > maxLength) {
            return "it must contain 1 to " + maxLength + " characters";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!isAlphanumeric(c) && !isSeparator(c, slashes)) {
                return "only lowercase letters, digits, periods (.), " + (slashes ? "slashes (/), " : "")
                        + "underscores (_) and hyphens (-) are allowed";
            }
        }
        char first = candidate.charAt(0);
        if (startsWithLetter ? !(first >= 'a' && first <= 'z') : !isAlphanumeric(first)) {
            return startsWithLetter ? "it must start with a lowercase letter" : "it must start with a lowercase letter or digit";
        }
        if (!isAlphanumeric(candidate.charAt(candidate.length() - 1))) {
            return "it must end with a lowercase letter or digit";
        }
        return brokenSeparatorRule(candidate, slashes);
    }

    private static String brokenSeparatorRule(String name, boolean slashes) {
        int i = 0;
        while (i < name.length()) {
            if (isAlphanumeric(name.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < name.length() && isSeparator(name.charAt(i), slashes)) {
                i++;
            }
            String run = name.substring(start, i);
            if (run.chars().allMatch(c -> c == '-') || run.equals(".") || run.equals("_") || run.equals("__")
                    || run.equals("/")) {
                continue;
            }
            if (run.chars().allMatch(c -> c == '_')) {
                return "a maximum of two consecutive underscores is allowed";
            }
            return "periods, " + (slashes ? "slashes, " : "") + "underscores and hyphens cannot be placed next to each other";
        }
        return null;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isSeparator(char c, boolean slashes) {
        return c == '.' || c == '_' || c == '-' || (slashes && c == '/');
    }
}
