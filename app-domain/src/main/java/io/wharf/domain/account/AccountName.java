package io.wharf.domain.account;

import io.wharf.domain.error.WharfException;

import java.util.regex.Pattern;

/**
 * An account name: what {@code access_domain} and {@code domain_name} mean in the API. Letters, digits, hyphens and
 * underscores, starting with a letter, 1-64 characters, compared as written.
 */
public record AccountName(String value) {
    private static final Pattern RULE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    public AccountName {
        if (value == null || !RULE.matcher(value).matches()) {
            throw WharfException.invalid("account",
                    "Invalid account name: it must start with a letter and contain 1 to 64 letters, digits, "
                            + "hyphens (-) or underscores (_)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
