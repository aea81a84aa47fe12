package io.wharf.integration.scan.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each distribution's os-release read into the OSV ecosystem its own export uses. */
class OsReleaseTest {
    private static String ecosystem(String id, String version) {
        return new OsRelease(id, version, "").ecosystem();
    }

    @Test
    void eachDistributionIsNamedAsItsExportNamesIt() {
        assertEquals("Debian:12", ecosystem("debian", "12"));
        assertEquals("Ubuntu:22.04:LTS", ecosystem("ubuntu", "22.04"));
        assertEquals("Ubuntu:24.04:LTS", ecosystem("ubuntu", "24.04"));
        assertEquals("Ubuntu:23.10", ecosystem("ubuntu", "23.10"));
        assertEquals("Ubuntu:21.04", ecosystem("ubuntu", "21.04"), "odd years' April releases are interim");
        assertEquals("Alpine:v3.19", ecosystem("alpine", "3.19.1"));
        assertEquals("Red Hat:enterprise_linux:9", ecosystem("rhel", "9.4"));
        assertEquals("Rocky Linux:9", ecosystem("rocky", "9.3"));
        assertEquals("AlmaLinux:8", ecosystem("almalinux", "8.9"));
        assertEquals("SUSE:Linux Enterprise Server 15 SP5", ecosystem("sles", "15.5"));
        assertEquals("SUSE:Linux Enterprise Server 15", ecosystem("sles", "15"));
        assertEquals("openSUSE:Leap 15.5", ecosystem("opensuse-leap", "15.5"));
        assertEquals("openSUSE:Tumbleweed", ecosystem("opensuse-tumbleweed", "20241201"));
        assertEquals("Wolfi", ecosystem("wolfi", "20230201"));
        assertEquals("Chainguard", ecosystem("chainguard", "20230214"));
    }
}
