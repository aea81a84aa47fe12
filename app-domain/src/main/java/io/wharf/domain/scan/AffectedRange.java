package io.wharf.domain.scan;

import java.util.List;

/** An OSV range: its type ({@code ECOSYSTEM}, {@code SEMVER}, {@code GIT}) and its events in the feed's order. */
public record AffectedRange(String type, List<Event> events) {
    public AffectedRange {
        events = List.copyOf(events);
    }

    /** {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, at a version. */
    public record Event(Kind kind, String version) {
        public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }
    }
}
