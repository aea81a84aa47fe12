package io.wharf.integration.scan.version;

import java.util.Comparator;

/**
 * How one ecosystem orders its versions. Advisories name affected ranges in the ecosystem's own versions, so a package
 * is matched by comparing with that ecosystem's rules, never as text.
 */
public interface VersionScheme extends Comparator<String> {

    /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b} in this ecosystem. */
    @Override
    int compare(String a, String b);
}
