package io.wharf.integration.scan.osv;

import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.AffectedRange;
import io.wharf.domain.scan.AffectedRange.Event;
import io.wharf.integration.scan.version.SemverVersion;
import io.wharf.integration.scan.version.VersionScheme;
import io.wharf.integration.scan.version.VersionSchemes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a package version falls in an advisory's affected versions, by the OSV schema's rules: the explicit
 * {@code versions} list, or a range's events taken in version order — {@code introduced} opens (at {@code "0"}: from the
 * start), {@code fixed} closes at that version, {@code last_affected} closes just after it, {@code limit} bounds the
 * range. Versions are compared with the ecosystem's own order; {@code GIT} ranges name commits and are not matched.
 */
public final class AffectedVersions {
    private static final VersionScheme SEMVER = new SemverVersion();

    /** A match, with the first version that fixes it ({@code ""}: none known). */
    public record Match(String fixedVersion) {
    }

    private AffectedVersions() {
    }

    public static Optional<Match> match(AffectedPackage affected, String version) {
        Optional<VersionScheme> ecosystemOrder = VersionSchemes.of(affected.ecosystem());
        Optional<Match> found = Optional.empty();
        for (AffectedRange range : affected.ranges()) {
            VersionScheme order = "SEMVER".equals(range.type()) ? SEMVER : "ECOSYSTEM".equals(range.type())
                    ? ecosystemOrder.orElse(null) : null;
            if (order != null) {
                Optional<Match> inRange = match(range, version, order);
                if (inRange.isPresent() && (found.isEmpty() || found.get().fixedVersion().isEmpty())) {
                    found = inRange;
                }
            }
        }
        if (found.isEmpty() && affected.versions().contains(version)) {
            found = Optional.of(new Match(""));
        }
        return found;
    }

    static Optional<Match> match(AffectedRange range, String version, VersionScheme order) {
        List<Event> events = new ArrayList<>(range.events());
        Comparator<Event> byVersion = (a, b) -> {
            boolean az = a.kind() == Event.Kind.INTRODUCED && "0".equals(a.version());
            boolean bz = b.kind() == Event.Kind.INTRODUCED && "0".equals(b.version());
            if (az || bz) {
                return az == bz ? 0 : az ? -1 : 1;
            }
            return order.compare(a.version(), b.version());
        };
        events.sort(byVersion);
        boolean affected = false;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            boolean fromStart = e.kind() == Event.Kind.INTRODUCED && "0".equals(e.version());
            int c = fromStart ? 1 : order.compare(version, e.version());
            boolean applies = switch (e.kind()) {
                case INTRODUCED, FIXED, LIMIT -> c >= 0;
                case LAST_AFFECTED -> c > 0;
            };
            if (!applies) {
                if (affected) {
                    return Optional.of(new Match(nextFix(events, i)));
                }
                return Optional.empty();
            }
            affected = e.kind() == Event.Kind.INTRODUCED;
        }
        return affected ? Optional.of(new Match("")) : Optional.empty();
    }

    /** The first {@code fixed} version from event {@code i} on (the one that closes the open range), or none. */
    private static String nextFix(List<Event> events, int i) {
        for (int k = i; k < events.size(); k++) {
            if (events.get(k).kind() == Event.Kind.FIXED) {
                return events.get(k).version();
            }
            if (events.get(k).kind() == Event.Kind.INTRODUCED) {
                return "";
            }
        }
        return "";
    }
}
