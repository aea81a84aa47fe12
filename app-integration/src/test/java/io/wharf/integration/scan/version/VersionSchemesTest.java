package io.wharf.integration.scan.version;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each ecosystem's own order, on the cases its tools document. */
class VersionSchemesTest {

    /** Every version sorts strictly before the next, and equal to itself. */
    private static void ascending(String ecosystem, String... versions) {
        VersionScheme scheme = VersionSchemes.of(ecosystem).orElseThrow();
        for (int i = 0; i < versions.length; i++) {
            assertEquals(0, scheme.compare(versions[i], versions[i]), versions[i]);
            for (int j = i + 1; j < versions.length; j++) {
                assertTrue(scheme.compare(versions[i], versions[j]) < 0, ecosystem + ": " + versions[i] + " < " + versions[j]);
                assertTrue(scheme.compare(versions[j], versions[i]) > 0, ecosystem + ": " + versions[j] + " > " + versions[i]);
            }
        }
    }

    @Test
    void debianOrdersTildeBeforeTheEndAndEpochsFirst() {
        ascending("Debian:12", "1.0~rc1", "1.0", "1.0-1", "1.0-1+deb12u1", "1.0-2", "1.0a", "1.0.1", "1.2", "1.10",
                "2.36-9+deb12u9", "1:0.9", "2:0.1");
        assertEquals(0, new DebianVersion().compare("1.01", "1.1"));
        assertEquals(0, new DebianVersion().compare("0:1.2-3", "1.2-3"));
    }

    @Test
    void rpmOrdersNumbersAboveLettersTildeFirstAndCaretAfter() {
        ascending("Red Hat", "1.0~rc1", "1.0", "1.0^20200101", "1.0a", "1.0.1", "1.2", "1.10", "2.0-1.el9", "2.0-2.el9",
                "1:0.1");
        assertEquals(0, new RpmVersion().compare("1.0", "1_0"));
    }

    @Test
    void alpineRanksSuffixesAroundTheReleaseAndRevisionsLast() {
        ascending("Alpine:v3.19", "1.2.3_alpha1", "1.2.3_beta", "1.2.3_pre2", "1.2.3_rc1", "1.2.3", "1.2.3-r1",
                "1.2.3_git20200101", "1.2.3_p1", "1.2.3a", "1.2.4", "1.10", "3.1.4-r0", "3.1.4-r5");
    }

    @Test
    void semverPutsPreReleasesBeforeTheReleaseAndIgnoresBuilds() {
        ascending("npm", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        assertEquals(0, new SemverVersion().compare("1.0.0+build.5", "1.0.0"));
        ascending("Go", "v0.0.0-20200101000000-abcdef", "v0.1.0", "v1.2.3", "v1.10.0");
    }

    @Test
    void pep440OrdersDevPreFinalPostAndNormalisesSpellings() {
        ascending("PyPI", "1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0+local.1", "1.0.post1.dev1",
                "1.0.post1", "1.1", "1.10", "1!0.1");
        assertEquals(0, new Pep440Version().compare("1.0", "1.0.0"));
        assertEquals(0, new Pep440Version().compare("1.0alpha1", "1.0a1"));
        assertEquals(0, new Pep440Version().compare("1.0-1", "1.0.post1"));
    }

    @Test
    void mavenUsesComparableVersion() {
        ascending("Maven", "1.0-alpha-1", "1.0-beta", "1.0-SNAPSHOT", "1.0", "1.0-sp1", "1.0.1", "2.9.10.8", "2.10.0");
        assertEquals(0, new MavenVersion().compare("1.0", "1.0.0"));
    }

    @Test
    void unknownEcosystemsHaveNoOrder() {
        assertTrue(VersionSchemes.of("GIT").isEmpty());
        assertEquals(List.of(true, true), List.of(VersionSchemes.of("Ubuntu:22.04:LTS").isPresent(),
                VersionSchemes.of("Rocky Linux:9").isPresent()));
    }
}
