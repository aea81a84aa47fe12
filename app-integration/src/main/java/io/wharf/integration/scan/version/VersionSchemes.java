package io.wharf.integration.scan.version;

import java.util.Locale;
import java.util.Optional;

/** The version order of each OSV ecosystem Wharf matches; an ecosystem may carry a release, as {@code Debian:12}. */
public final class VersionSchemes {
    private static final VersionScheme DEBIAN = new DebianVersion();
    private static final VersionScheme RPM = new RpmVersion();
    private static final VersionScheme APK = new ApkVersion();
    private static final VersionScheme SEMVER = new SemverVersion();
    private static final VersionScheme PEP440 = new Pep440Version();
    private static final VersionScheme MAVEN = new MavenVersion();

    private VersionSchemes() {
    }

    /** The order of an OSV ecosystem name ({@code Debian:12}, {@code Alpine:v3.19}, {@code npm}, {@code Maven}...). */
    public static Optional<VersionScheme> of(String ecosystem) {
        String base = ecosystem == null ? "" : ecosystem.split(":", 2)[0].toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (base) {
            case "debian", "ubuntu" -> DEBIAN;
            case "alpine", "wolfi", "chainguard" -> APK;
            case "red hat", "rocky linux", "almalinux", "opensuse", "suse", "mageia", "openeuler", "photon os" -> RPM;
            case "npm", "go", "crates.io", "hex", "pub", "semver" -> SEMVER;
            case "pypi" -> PEP440;
            case "maven" -> MAVEN;
            default -> null;
        });
    }
}
