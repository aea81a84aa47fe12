package io.wharf.web.api.hss;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;

/** Query parameters of the HSS endpoints, checked against their documented ranges with the broken rule named. */
final class HssParameters {
    private HssParameters() {
    }

    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, name + " must be a whole number from " + min + " to " + max + ".");
        }
    }

    /** A numeric id in the path; anything else names nothing, so it is 404 like an id that does not exist. */
    static long pathId(String value, Subject subject, String what) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw WharfException.notFound(subject, "The " + what + " " + value + " does not exist.");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static WharfException invalid(String field, String message) {
        return WharfException.invalid(field, message);
    }
}
