package io.wharf.domain.scan;

import java.util.Locale;

/** The severities of a finding, worst first, with the names the API and the stored findings use. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN;

    /** {@code critical} ... {@code unknown}; anything else is unknown. */
    public static Severity of(String name) {
        for (Severity s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
