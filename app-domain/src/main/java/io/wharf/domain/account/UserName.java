package io.wharf.domain.account;

import io.wharf.domain.error.WharfException;

import java.util.regex.Pattern;

/** A user name, unique inside its account: IAM's rule without spaces (1-32 characters, starts with a letter). */
public record UserName(String value) {
    private static final Pattern RULE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,31}");

    public UserName {
        if (value == null || !RULE.matcher(value).matches()) {
            throw WharfException.invalid("user_name",
                    "Invalid user name: it must start with a letter and contain 1 to 32 letters, digits, "
                            + "periods (.), hyphens (-) or underscores (_)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
