package io.wharf.web.registry;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.registry.Digest;

import java.util.regex.Pattern;

/** The distribution API's request values, read once for every handler: digests, tags, page sizes. */
final class RegistryValues {
    static final int MAX_PAGE = 1000;
    static final Pattern TAG = io.wharf.domain.repository.ImageTag.NAME;

    private RegistryValues() {
    }

    static Digest digest(String text, RegistryError error, String field) {
        try {
            return Digest.parse(text);
        } catch (WharfException e) {
            throw new RegistryException(error, e.getMessage(), field);
        }
    }

    static boolean isDigest(String text) {
        try {
            Digest.parse(text);
            return true;
        } catch (WharfException e) {
            return false;
        }
    }

    /** {@code n} of a list: a whole number from 0, at most {@value #MAX_PAGE} (also when absent). */
    static int pageSize(String n) {
        if (n == null || n.isBlank()) {
            return MAX_PAGE;
        }
        try {
            int value = Integer.parseInt(n.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw new RegistryException(RegistryError.SIZE_INVALID, "n must be a whole number from 0 to " + MAX_PAGE + ".", "n");
        }
    }

    static String abbreviate(String text) {
        return text.length() > 140 ? text.substring(0, 140) + "…" : text;
    }
}
