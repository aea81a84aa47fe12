package io.wharf.domain.share;

import io.wharf.domain.error.WharfException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Until when a share is valid: a UTC time, or {@code forever}. */
public record Deadline(Optional<Instant> until) {
    public static final String FOREVER = "forever";

    public static Deadline parse(String text) {
        if (text == null || text.isBlank()) {
            throw WharfException.invalid("deadline", "deadline is mandatory: a UTC time or \"forever\".");
        }
        if (text.equals(FOREVER)) {
            return new Deadline(Optional.empty());
        }
        try {
            return new Deadline(Optional.of(Instant.parse(text)));
        } catch (DateTimeParseException e) {
            throw WharfException.invalid("deadline",
                    "Invalid deadline '" + text + "': use a UTC time such as 2030-10-01T16:00:00Z, or \"forever\".");
        }
    }

    public boolean isPassedAt(Instant now) {
        return until.map(u -> !now.isBefore(u)).orElse(false);
    }

    /** As the API writes it. */
    @Override
    public String toString() {
        return until.map(Instant::toString).orElse(FOREVER);
    }
}
