package io.wharf.domain.scan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which published ecosystem names speak of which image's packages. */
class EcosystemsTest {

    @Test
    void ubuntusLtsSpellingMatchesTheRelease() {
        assertTrue(Ecosystems.applies("Ubuntu:22.04:LTS", "Ubuntu:22.04:LTS"));
        assertTrue(Ecosystems.applies("Ubuntu:22.04", "Ubuntu:22.04:LTS"));
        assertTrue(Ecosystems.applies("Ubuntu:23.10", "Ubuntu:23.10"));
        assertFalse(Ecosystems.applies("Ubuntu:20.04:LTS", "Ubuntu:22.04:LTS"));
    }

    @Test
    void ubuntuProIsNotAPlainImages() {
        assertFalse(Ecosystems.applies("Ubuntu:Pro:22.04:LTS", "Ubuntu:22.04:LTS"));
        assertFalse(Ecosystems.applies("Ubuntu:Pro:FIPS:22.04:LTS", "Ubuntu:22.04:LTS"));
    }

    @Test
    void redHatsStreamsOfAMajorReleaseMatchItsImages() {
        assertTrue(Ecosystems.applies("Red Hat:enterprise_linux:9::appstream", "Red Hat:enterprise_linux:9"));
        assertTrue(Ecosystems.applies("Red Hat:enterprise_linux:9::baseos", "Red Hat:enterprise_linux:9"));
        assertFalse(Ecosystems.applies("Red Hat:enterprise_linux:8::appstream", "Red Hat:enterprise_linux:9"));
        assertFalse(Ecosystems.applies("Red Hat:rhel_eus:9.2::baseos", "Red Hat:enterprise_linux:9"),
                "extended support is a subscription's, not a plain image's");
    }

    @Test
    void suseProductsOfAServicePackMatchItsImages() {
        assertTrue(Ecosystems.applies("SUSE:Linux Enterprise Module for Basesystem 15 SP5",
                "SUSE:Linux Enterprise Server 15 SP5"));
        assertFalse(Ecosystems.applies("SUSE:Linux Enterprise Server 15 SP4", "SUSE:Linux Enterprise Server 15 SP5"));
    }

    @Test
    void otherNamesMatchOnlyThemselves() {
        assertTrue(Ecosystems.applies("Debian:12", "Debian:12"));
        assertFalse(Ecosystems.applies("Debian:11", "Debian:12"));
        assertTrue(Ecosystems.applies("Alpine:v3.19", "Alpine:v3.19"));
        assertTrue(Ecosystems.applies("openSUSE:Leap 15.5", "openSUSE:Leap 15.5"));
        assertFalse(Ecosystems.applies("Wolfi", "Chainguard"));
        assertFalse(Ecosystems.applies("Maven", "npm"));
    }
}
