package io.wharf.integration.scan.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's own order, from {@code maven-artifact}'s {@link ComparableVersion} (qualifiers, {@code -SNAPSHOT}, {@code sp}...). */
public final class MavenVersion implements VersionScheme {

    @Override
    public int compare(String a, String b) {
        return Integer.signum(new ComparableVersion(a.strip()).compareTo(new ComparableVersion(b.strip())));
    }
}
