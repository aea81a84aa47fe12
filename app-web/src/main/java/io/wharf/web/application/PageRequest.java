package io.wharf.web.application;

import io.wharf.domain.error.WharfException;

/** Which slice of a list to return: {@code offset} from 0, {@code limit} from 1 to {@value #MAX_LIMIT}. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw WharfException.invalid("offset", "offset must be 0 or more.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw WharfException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    /** Reads the optional query parameters as text, so that a non-number is a clear 400 rather than a 404. */
    public static PageRequest of(String offset, String limit, int defaultLimit) {
        return new PageRequest(number("offset", offset, 0), number("limit", limit, defaultLimit));
    }

    private static int number(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw WharfException.invalid(name, name + " must be a whole number.");
        }
    }
}
