package io.wharf.domain.repository;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.naming.SeparatedName;

/**
 * An image repository name: 1-128 characters, starts and ends with a lowercase letter or digit, the organization
 * separator rule with {@code /} added. In URL paths a {@code /} is written {@code $}.
 */
public record RepositoryName(String value) {
    public static final int MAX_LENGTH = 128;

    public RepositoryName {
        String broken = brokenRule(value);
        if (broken != null) {
            throw WharfException.invalid("repository", "Invalid image repository name: " + broken);
        }
    }

    public static String brokenRule(String candidate) {
        return SeparatedName.brokenRule(candidate, MAX_LENGTH, false, true);
    }

    /** Reads the name as written in a URL path, where {@code $} stands for {@code /}. */
    public static RepositoryName fromPath(String segment) {
        return new RepositoryName(segment == null ? null : segment.replace('$', '/'));
    }

    /** The name as written in a URL path. */
    public String inPath() {
        return value.replace('/', '$');
    }

    @Override
    public String toString() {
        return value;
    }
}
